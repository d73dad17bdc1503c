// Test data of the debrief (tests only): a short tutorial call as the server would answer it,
// a long timeline, and a fake API that records what the page sends.
import type { Input, Observation, Source, TimelineEntry } from '@ecoute/engine';
import type { Debrief, DebriefMark } from '@ecoute/protocol';
import type { ApiResult, DebriefApi } from './debriefApi.js';

export function timeline(rows: [number, Source, Input | Observation][]): TimelineEntry[] {
  return rows.map(([t, source, body], i) => {
    const base = { seq: i + 1, t, at: new Date(Date.UTC(2026, 0, 1) + t).toISOString(), source };
    return source === 'caller' || source === 'system'
      ? { ...base, kind: 'observation' as const, observation: body as Observation }
      : { ...base, kind: 'input' as const, input: body as Input };
  });
}

export const shortCall = (): TimelineEntry[] =>
  timeline([
    [2_000, 'listener', { kind: 'join', name: 'Camille' }],
    [5_000, 'listener', { kind: 'pickup' }],
    [5_000, 'caller', { kind: 'line', line: 'allo', text: 'Allô ? Bonjour…' }],
    [5_000, 'system', { kind: 'state', states: ['accueil'] }],
    [9_000, 'listener', { kind: 'move', move: 'se_presenter' }],
    [9_000, 'caller', { kind: 'line', line: 'soulagee', text: 'Ah, tant mieux.', cue: 'sigh' }],
    [9_000, 'system', { kind: 'variable', variable: 'confiance', value: 5, previous: 3 }],
    [9_000, 'system', { kind: 'state', states: ['ecoute.en_ligne'] }],
    [15_000, 'trainer', { kind: 'bookmark', comment: 'Bonne présentation' }],
    [21_000, 'listener', { kind: 'move', move: 'reformuler' }],
    [21_000, 'caller', { kind: 'line', line: 'oui', text: "Oui, c'est exactement ça." }],
    [30_000, 'listener', { kind: 'hangup' }],
    [
      30_000,
      'system',
      {
        kind: 'ending',
        ending: 'raccroche',
        outcome: 'failure',
        message: 'Monique a raccroché.',
        reason: 'hangup',
      },
    ],
  ]);

export function debriefFixture(
  overrides: Partial<Debrief> = {},
  entries: TimelineEntry[] = shortCall(),
): Debrief {
  const bookmark: DebriefMark = {
    id: 'bookmark-9',
    kind: 'bookmark',
    seq: 9,
    t: 15_000,
    comment: 'Bonne présentation',
    original: null,
    updatedAt: null,
  };
  return {
    viewer: 'trainer',
    callOver: true,
    lrsConfigured: true,
    session: {
      id: 's1',
      scenarioId: 'appel-entrainement',
      scenarioVersion: 1,
      createdAt: '2026-01-01T10:00:00.000Z',
      endedAt: '2026-01-01T10:00:30.000Z',
      status: 'ended',
      learner: 'Camille',
      trainer: 'Dominique',
      durationMs: entries.at(-1)?.t ?? 0,
      seed: 42,
    },
    scenario: {
      id: 'appel-entrainement',
      version: 1,
      title: "Appel d'entraînement",
      summary: 'Monique, 78 ans.',
      voice: { lang: 'fr-FR', rate: 1, pitch: 1 },
      variables: [
        { id: 'detresse', label: 'Détresse', min: 0, max: 10, initial: 4 },
        {
          id: 'confiance',
          label: 'Confiance',
          min: 0,
          max: 10,
          initial: 3,
          thresholds: { direction: 'down', warning: 3, danger: 1 },
        },
      ],
      moves: [
        { id: 'se_presenter', label: 'Se présenter', category: 'listening' },
        { id: 'reformuler', label: 'Reformuler', category: 'listening' },
      ],
      labels: {
        moves: { se_presenter: 'Se présenter', reformuler: 'Reformuler' },
        injects: { sonnette: 'On sonne à la porte' },
        variables: { detresse: 'Détresse', confiance: 'Confiance' },
        states: { accueil: 'Accueil', ecoute: 'Écoute', 'ecoute.en_ligne': 'En ligne' },
      },
    },
    graph: {
      nodes: [
        { id: 'accueil', label: 'accueil', parent: null, type: 'atomic', description: 'Elle hésite.' },
        { id: 'ecoute', label: 'ecoute', parent: null, type: 'compound', description: null },
        { id: 'ecoute.en_ligne', label: 'en_ligne', parent: 'ecoute', type: 'atomic', description: null },
      ],
      edges: [{ id: 'e1', source: 'accueil', target: 'ecoute', label: 'Se présenter', kind: 'move' }],
    },
    entries,
    rubric: [
      {
        competency: 'accueil',
        competencyLabel: 'Accueil',
        criterion: 'se_presente',
        label: 'Se présenter dans la première minute',
        help: null,
        kind: 'auto',
        met: true,
        evidence: { seq: 5, t: 9_000 },
      },
      {
        competency: 'accueil',
        competencyLabel: 'Accueil',
        criterion: 'ton_pose',
        label: 'Ton posé, rythme adapté',
        help: null,
        kind: 'judged',
      },
    ],
    judgments: [],
    selfAssessment: null,
    marks: [bookmark],
    notes: [],
    measures: {
      timeToPickup: { ms: 3_000, from: { seq: 1, t: 2_000 }, to: { seq: 2, t: 5_000 } },
      timeToFirstOpenQuestion: null,
      longestSilence: { ms: 12_000, from: { seq: 5, t: 9_000 }, to: { seq: 10, t: 21_000 } },
      reformulations: { count: 1, moments: [{ seq: 10, t: 21_000 }] },
      timeToAlertColleague: null,
      alertMove: true,
      outcome: {
        ending: 'raccroche',
        outcome: 'failure',
        reason: 'hangup',
        message: 'Monique a raccroché.',
        at: { seq: 13, t: 30_000 },
      },
    },
    ...overrides,
  };
}

/** `count` entries, a line and a move in turn, 400 ms apart. */
export function longTimeline(count: number): TimelineEntry[] {
  const rows: [number, Source, Input | Observation][] = [[0, 'listener', { kind: 'pickup' }]];
  for (let i = 1; i < count; i += 1) {
    rows.push(
      i % 2 === 0
        ? [i * 400, 'listener', { kind: 'say', text: `Réponse ${i}` }]
        : [i * 400, 'caller', { kind: 'line', line: 'x', text: `Réplique ${i}` }],
    );
  }
  return timeline(rows);
}

/** An API answering from memory, keeping every call. */
export class FakeDebriefApi implements DebriefApi {
  readonly calls: { method: string; args: unknown[] }[] = [];
  constructor(
    public debrief: Debrief,
    private readonly failWith: string | null = null,
  ) {}

  private answer<T>(method: string, args: unknown[], data: () => T): Promise<ApiResult<T>> {
    this.calls.push({ method, args });
    return Promise.resolve(this.failWith ? { ok: false, code: this.failWith } : { ok: true, data: data() });
  }

  load() {
    return this.answer('load', [], () => this.debrief);
  }
  addAnnotation(request: { t: number; comment: string }) {
    return this.answer('addAnnotation', [request], () => ({
      id: `a-${String(this.calls.length).padStart(16, '0')}`,
      kind: 'annotation' as const,
      seq: null,
      t: request.t,
      comment: request.comment,
      original: null,
      updatedAt: '2026-01-01T11:00:00.000Z',
    }));
  }
  updateMark(markId: string, comment: string) {
    return this.answer('updateMark', [markId, comment], () => {
      const mark = this.debrief.marks?.find((m) => m.id === markId);
      if (!mark) throw new Error(`no mark ${markId}`);
      return { ...mark, comment, original: mark.kind === 'bookmark' ? mark.comment : null };
    });
  }
  deleteMark(markId: string) {
    return this.answer('deleteMark', [markId], () => ({ ok: true as const }));
  }
  judge(criterion: string, request: { rating: 'met' | 'partly' | 'not'; comment: string }) {
    return this.answer('judge', [criterion, request], () => ({ criterion, ...request, updatedAt: 'now' }));
  }
  selfAssess(request: {
    ratings: { criterion: string; rating: 'met' | 'partly' | 'not'; comment: string }[];
    comment: string;
  }) {
    return this.answer('selfAssess', [request], () => {
      const assessment = { ...request, submittedAt: 'now' };
      this.debrief = {
        ...this.debrief,
        selfAssessment: assessment,
        judgments: [
          { criterion: 'ton_pose', rating: 'met' as const, comment: 'Très posé', updatedAt: 'now' },
        ],
      };
      return assessment;
    });
  }
  sendToLrs() {
    return this.answer('sendToLrs', [], () => ({ sent: 12 }));
  }

  download(path: string) {
    return this.answer('download', [path], () => new Blob(['{}']));
  }
}

/** A 2D context that records what the lanes draw (jsdom has no canvas). */
export class RecordingCanvas {
  /** Every filled rectangle, in order: the lanes' backgrounds and lines, then one per marker. */
  readonly rects: { x: number; y: number; w: number; h: number; fill: string }[] = [];
  readonly texts: string[] = [];
  /** Where each text was written (x of its start), in order. */
  readonly textsAt: { text: string; x: number }[] = [];
  paints = 0;
  fillStyle = '';
  strokeStyle = '';
  lineWidth = 1;
  font = '';
  textAlign = 'left';
  /** The dash of each stroke, in order. */
  readonly dashes: string[] = [];
  private dash: number[] = [];
  setTransform(): void {}
  setLineDash(dash: number[]): void {
    this.dash = dash;
  }
  clearRect(): void {
    this.paints += 1;
    this.rects.length = 0;
    this.texts.length = 0;
    this.textsAt.length = 0;
    this.dashes.length = 0;
  }
  fillRect(x: number, y: number, w: number, h: number): void {
    this.rects.push({ x, y, w, h, fill: this.fillStyle });
  }
  strokeRect(): void {}
  beginPath(): void {}
  moveTo(): void {}
  lineTo(): void {}
  stroke(): void {
    this.dashes.push(this.dash.join(','));
  }
  fillText(text: string, x: number): void {
    this.texts.push(text);
    this.textsAt.push({ text, x });
  }
  /** The markers of the last paint: the rectangles 18 px high. */
  markers() {
    return this.rects.filter((r) => r.h === 18);
  }
  readonly canvas2d = () => this as unknown as CanvasRenderingContext2D;
}

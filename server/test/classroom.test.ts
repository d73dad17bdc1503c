// The classroom over the network (issue 14): a trainer's class, learners joining by code with a
// pseudonym on their own sockets, a round launched at once with each learner's role link
// delivered, the floor's tiles (coalesced, with alerts) and commands, the group debrief and the
// exports; a class is its trainer's only. Real Socket.IO clients on port 0, time driven by a
// ManualScheduler (the floor's once-a-second reading is awaited as an event, never raced).
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { ManualScheduler } from '@ecoute/engine';
import type { Role } from '@ecoute/engine';
import {
  CLASSROOM_NAMESPACE,
  ClassEvent,
  MAX_CLASS_LEARNERS,
  MAX_TEXT_LENGTH,
  PROTOCOL_VERSION,
  groupDebriefEdgeSchema,
} from '@ecoute/protocol';
import type {
  AuditLogEntry,
  ClassDetail,
  ClassJoined,
  ClassLearner,
  ClassPlaceFreed,
  ClassMessage,
  ClassSummary,
  FloorCommandAck,
  FloorTile,
  FloorTiles,
  GroupDebrief,
  LearnerAssignment,
  RoundLaunched,
} from '@ecoute/protocol';
import { ClassRooms } from '../src/classroom/classroom.gateway.js';
import { ClassStore } from '../src/classroom/class-store.js';
import { FloorService } from '../src/classroom/floor.service.js';
import { SessionStore } from '../src/sessions/session-store.js';
import { SessionsService } from '../src/sessions/sessions.service.js';
import { TIMELINE_STORE } from '../src/timeline/timeline-store.js';
import type { TimelineStore } from '../src/timeline/timeline-store.js';
import { RoleClient, appOrigin, inviteMember, setupAdministrator, startServer } from './utils.js';
import type { Account, TestServer } from './utils.js';

const SCENARIO = 'appel-entrainement';
const WAIT_MS = 8000;

/** A `/classroom` socket that keeps what it receives and can wait for it. */
class ClassClient {
  readonly tiles = new Map<string, FloorTile>();
  readonly tileMessages: FloorTiles[] = [];
  readonly assignments: (LearnerAssignment | null)[] = [];
  readonly messages: ClassMessage[] = [];
  rosters: ClassLearner[][] = [];
  takenOver = 0;
  placeFreed = 0;
  /** Whether the page answers `class:probe` (false: a dead device's, its socket still open on the server). */
  alive = true;
  probes = 0;
  disconnected: string | null = null;
  private wakers: (() => void)[] = [];

  private constructor(readonly socket: Socket) {
    socket.on(ClassEvent.FloorTiles, (m: FloorTiles) => {
      this.tileMessages.push(m);
      if (m.full) this.tiles.clear();
      for (const tile of m.tiles) this.tiles.set(tile.sessionId, tile);
      this.wake();
    });
    socket.on(ClassEvent.Assignment, (a: LearnerAssignment | null) => {
      this.assignments.push(a);
      this.wake();
    });
    socket.on(ClassEvent.Message, (m: ClassMessage) => {
      this.messages.push(m);
      this.wake();
    });
    socket.on(ClassEvent.Roster, (r: ClassLearner[]) => {
      this.rosters.push(r);
      this.wake();
    });
    socket.on(ClassEvent.TakenOver, () => {
      this.takenOver += 1;
      this.wake();
    });
    socket.on(ClassEvent.Probe, (ack: (alive: true) => void) => {
      this.probes += 1;
      if (this.alive) ack(true);
    });
    socket.on(ClassEvent.PlaceFreed, () => {
      this.placeFreed += 1;
      this.wake();
    });
    socket.on('disconnect', (reason) => {
      this.disconnected = reason;
      this.wake();
    });
  }

  static connect(
    server: TestServer,
    auth: { classId: string; learnerToken?: string },
    headers: Record<string, string> = {},
  ): Promise<ClassClient> {
    const socket = io(`${server.url}${CLASSROOM_NAMESPACE}`, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders: { origin: appOrigin(server), ...headers },
      auth: { protocolVersion: PROTOCOL_VERSION, ...auth },
    });
    const client = new ClassClient(socket);
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(client));
      socket.once('connect_error', (error) => {
        socket.close();
        reject(error);
      });
    });
  }

  private wake(): void {
    for (const wake of this.wakers.splice(0)) wake();
  }

  async waitFor(predicate: () => boolean, what: string): Promise<void> {
    const deadline = Date.now() + WAIT_MS;
    while (!predicate()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wakers.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  command(command: unknown): Promise<FloorCommandAck> {
    return this.socket
      .timeout(WAIT_MS)
      .emitWithAck(ClassEvent.FloorCommand, command) as Promise<FloorCommandAck>;
  }

  close(): void {
    this.socket.close();
  }
}

/** An answer's status and coded failure. */
async function codeOf(
  answer: Promise<{ status: number; body: { code?: string } }>,
): Promise<[number, string?]> {
  const { status, body } = await answer;
  return [status, body.code];
}

/** What `promise` gives, or a failure naming `what` after WAIT_MS (a guard against a hang). */
function within<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), WAIT_MS);
    }),
  ]).finally(() => clearTimeout(timer));
}

const tokenOf = (link: string) => decodeURIComponent(link.split('#k=')[1] ?? '');
const sessionOf = (link: string) => link.split('/')[2]?.split('#')[0] ?? '';

describe('the classroom', () => {
  const scheduler = new ManualScheduler();
  let server: TestServer;
  let trainer: Account;
  let colleague: Account;
  let admin: Account;
  const open: { close(): void }[] = [];

  async function api<T>(
    path: string,
    as: Account | null,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const response = await fetch(`${server.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        ...(as?.headers ?? { origin: appOrigin(server) }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: (text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : text) as T,
    };
  }

  beforeAll(async () => {
    server = await startServer({ scheduler });
    admin = await setupAdministrator(server);
    trainer = await inviteMember(server, admin, 'trainer', 'Dominique');
    colleague = await inviteMember(server, admin, 'trainer', 'Camille');
  }, 60_000);

  afterAll(async () => {
    for (const client of open) client.close();
    await server.close();
  });

  it('plays a class: join by code, a round launched at once, the floor, its commands, the group debrief', async () => {
    const created = await api<ClassSummary>('/api/classes', trainer, {
      name: 'Groupe du mardi',
      scenarioIds: [SCENARIO],
    });
    expect(created.status).toBe(201);
    const { classId, code } = created.body;
    expect(code).toMatch(/^[A-Z2-9]{6}$/);

    // The floor opens before anyone joined: it sees the roster grow.
    const floor = await ClassClient.connect(server, { classId }, { cookie: trainer.cookie });
    open.push(floor);
    await floor.waitFor(() => floor.tileMessages.length > 0, 'the first full tiles');
    expect(floor.tileMessages[0]).toEqual({ tiles: [], removed: [], full: true });

    const names = ['Ana', 'Bilal', 'Chloé', 'Dan'];
    const learners: { joined: ClassJoined; page: ClassClient }[] = [];
    for (const pseudonym of names) {
      // The code typed in lower case with spaces still opens the class.
      const joined = await api<ClassJoined>('/api/class-join', null, {
        code: ` ${code.toLowerCase()} `,
        pseudonym,
      });
      expect(joined.status).toBe(201);
      const page = await ClassClient.connect(server, { classId, learnerToken: joined.body.token });
      open.push(page);
      await page.waitFor(() => page.assignments.length === 1, 'no assignment yet');
      expect(page.assignments[0]).toBeNull();
      learners.push({ joined: joined.body, page });
    }
    await floor.waitFor(() => floor.rosters.at(-1)?.length === 4, 'the roster of four');
    expect(floor.rosters.at(-1)?.map((l) => l.pseudonym)).toEqual(names);

    // Wrong code, wrong token: refused with their codes.
    expect(
      (await api<{ code: string }>('/api/class-join', null, { code: 'ZZZZZZ', pseudonym: 'X' })).body.code,
    ).toBe('class/join_invalid');
    await expect(ClassClient.connect(server, { classId, learnerToken: 'nope' })).rejects.toThrow(
      'class/join_invalid',
    );
    await expect(ClassClient.connect(server, { classId }, { cookie: colleague.cookie })).rejects.toThrow(
      'class/not_found',
    );
    await expect(ClassClient.connect(server, { classId })).rejects.toThrow('auth/sign_in_required');

    // Two groups: Ana listens with Bilal as the caller; Chloé listens to the machine, Dan observes.
    const [ana, bilal, chloe, dan] = learners.map((l) => l.joined.learnerId) as [
      string,
      string,
      string,
      string,
    ];
    const twice = await api<{ code: string }>(`/api/classes/${classId}/rounds`, trainer, {
      scenarioId: SCENARIO,
      groups: [
        { listener: ana, callerActor: null, observers: [] },
        { listener: ana, callerActor: null, observers: [] },
      ],
    });
    expect([twice.status, twice.body.code]).toEqual([400, 'class/groups_invalid']);
    const launched = await api<RoundLaunched>(`/api/classes/${classId}/rounds`, trainer, {
      scenarioId: SCENARIO,
      groups: [
        { listener: ana, callerActor: bilal, observers: [] },
        { listener: chloe, callerActor: null, observers: [dan] },
      ],
    });
    expect(launched.status).toBe(201);
    expect(launched.body.round).toBe(1);
    expect(launched.body.calls).toHaveLength(2);

    for (const { page } of learners)
      await page.waitFor(() => page.assignments.at(-1) != null, 'an assignment');
    const roles = learners.map(({ page }) => page.assignments.at(-1)?.role);
    expect(roles).toEqual(['listener', 'callerActor', 'listener', 'observer']);
    const linkOf = (i: number) => learners[i]!.page.assignments.at(-1)!.link;
    expect(sessionOf(linkOf(0))).toBe(sessionOf(linkOf(1)));
    expect(sessionOf(linkOf(2))).toBe(sessionOf(linkOf(3)));
    expect(sessionOf(linkOf(0))).not.toBe(sessionOf(linkOf(2)));
    expect(learners[3]!.page.assignments.at(-1)?.mates).toEqual([{ pseudonym: 'Chloé', role: 'listener' }]);

    // Each learner opens their link: the role links open their sessions with their roles.
    const clients: RoleClient[] = [];
    for (let i = 0; i < 4; i++) {
      const client = await RoleClient.connect(server.url, {
        sessionId: sessionOf(linkOf(i)),
        token: tokenOf(linkOf(i)),
      });
      open.push(client);
      clients.push(client);
      const sync = await client.sync(0);
      expect(sync.ok && sync.snapshot.role).toBe(
        ['listener', 'callerActor', 'listener', 'observer'][i] as Role,
      );
    }
    const [anaCall, , chloeCall, danCall] = clients as [RoleClient, RoleClient, RoleClient, RoleClient];
    expect((await anaCall.send({ kind: 'join', name: 'Ana' })).ok).toBe(true);
    expect((await anaCall.send({ kind: 'pickup' })).ok).toBe(true);
    expect((await chloeCall.send({ kind: 'pickup' })).ok).toBe(true);

    const [first, second] = launched.body.calls.map((c) => c.sessionId) as [string, string];
    await floor.waitFor(
      () => floor.tiles.get(first)?.phase === 'connected' && floor.tiles.get(second)?.phase === 'connected',
      'both calls connected on the floor',
    );
    const tile = floor.tiles.get(second)!;
    expect(tile).toMatchObject({
      listener: 'Chloé',
      callerActor: null,
      observers: ['Dan'],
      round: 1,
      group: 2,
    });
    expect(tile.stateLabel).not.toBe('');
    expect(tile.variables.length).toBeGreaterThan(0);
    expect(tile.alerts).toEqual([]);

    // 31 s of call time with nobody speaking: the silence alert; its calls first on the floor.
    const messagesBefore = floor.tileMessages.length;
    scheduler.advanceBy(31_000);
    await floor.waitFor(
      () => floor.tiles.get(second)?.alerts.some((a) => a.kind === 'silence') === true,
      'a silence alert',
    );
    expect(floor.tiles.get(second)!.urgency).toBeGreaterThan(0);
    // Coalesced: one message carries every changed tile, at most once per interval.
    const sent = floor.tileMessages.slice(messagesBefore);
    expect(sent.length).toBeGreaterThan(0);
    for (const message of sent) expect(message.full).toBe(false);

    // A whisper to Chloé only: her call's listener and observer read it, Ana's call does not.
    const whisper = await floor.command({
      kind: 'whisper',
      sessionId: second,
      text: 'Posez une question ouverte.',
    });
    expect(whisper).toEqual({ ok: true, applied: 1 });
    await chloeCall.waitFor(
      (c) => c.entries.some((e) => e.kind === 'input' && e.input.kind === 'whisper'),
      'the whisper',
    );
    await danCall.waitFor(
      (c) => c.entries.some((e) => e.kind === 'input' && e.input.kind === 'whisper'),
      'the whisper (observer)',
    );
    expect(anaCall.entries.some((e) => e.kind === 'input' && e.input.kind === 'whisper')).toBe(false);

    // Speak as the caller into Ana's call; then pause every call at once, then resume them.
    expect(await floor.command({ kind: 'adlib', sessionId: first, text: 'Vous êtes toujours là ?' })).toEqual(
      {
        ok: true,
        applied: 1,
      },
    );
    await anaCall.waitFor(
      (c) => c.entries.some((e) => JSON.stringify(e).includes('Vous êtes toujours là ?')),
      'the ad-lib line',
    );
    expect(await floor.command({ kind: 'pause_all' })).toEqual({ ok: true, applied: 2 });
    await floor.waitFor(
      () => floor.tiles.get(first)?.paused === true && floor.tiles.get(second)?.paused === true,
      'both calls paused on the floor',
    );
    expect(await floor.command({ kind: 'pause_all' })).toEqual({ ok: true, applied: 0 });
    expect(await floor.command({ kind: 'resume', sessionId: first })).toEqual({ ok: true, applied: 1 });
    expect(await floor.command({ kind: 'whisper', sessionId: 'not-of-this-class', text: 'x' })).toMatchObject(
      {
        ok: false,
        code: 'session/not_found',
      },
    );
    expect(await floor.command({ kind: 'whisper', sessionId: first })).toMatchObject({
      ok: false,
      code: 'input/invalid',
    });

    // A message to every learner page.
    expect(await floor.command({ kind: 'message', text: 'Fin du tour dans 2 minutes.' })).toEqual({
      ok: true,
      applied: 4,
    });
    for (const { page } of learners) await page.waitFor(() => page.messages.length === 1, 'the message');
    // Signed with the trainer's name, dated, of the round under way.
    expect(learners[0]!.page.messages[0]).toMatchObject({
      text: 'Fin du tour dans 2 minutes.',
      from: 'Dominique',
      round: 1,
    });
    // Ana's call page (opened from her group page) holds her class connection too: opened after
    // the message, it reads it at once (sent in this round, a moment ago).
    const anaCallPage = await ClassClient.connect(server, {
      classId,
      learnerToken: learners[0]!.joined.token,
    });
    open.push(anaCallPage);
    await anaCallPage.waitFor(() => anaCallPage.messages.length === 1, 'the last message on the call page');
    expect(anaCallPage.messages[0]).toEqual(learners[0]!.page.messages[0]);
    // The next one reaches both of her pages, counted as one learner.
    expect(await floor.command({ kind: 'message', text: 'Dan, pensez à reformuler.' })).toEqual({
      ok: true,
      applied: 4,
    });
    await anaCallPage.waitFor(() => anaCallPage.messages.length === 2, 'the next message on the call page');
    await learners[0]!.page.waitFor(() => learners[0]!.page.messages.length === 2, 'the next message');
    expect(anaCallPage.messages[1]?.text).toBe('Dan, pensez à reformuler.');
    anaCallPage.close();
    // Never in a call: the call's timeline has no trace of it.
    expect(anaCall.entries.some((e) => JSON.stringify(e).includes('Pensez à reformuler'))).toBe(false);

    // Chloé ends her call; the floor shows it ended.
    expect((await chloeCall.send({ kind: 'resume' })).ok).toBe(false);
    expect(await floor.command({ kind: 'resume', sessionId: second })).toMatchObject({ ok: true });
    expect((await chloeCall.send({ kind: 'move', move: 'se_presenter' })).ok).toBe(true);
    expect((await chloeCall.send({ kind: 'hangup' })).ok).toBe(true);
    await floor.waitFor(
      () => floor.tiles.get(second)?.alerts.some((a) => a.kind === 'ended') === true,
      'the ended alert',
    );

    // The class's detail (each member's role: the trainer's page opens its groups on them), the
    // group debrief of the scenario, the exports.
    const detail = await api<ClassDetail>(`/api/classes/${classId}`, trainer);
    expect(
      detail.body.calls.map((c) => [c.round, c.group, c.members.map((m) => `${m.pseudonym} ${m.role}`)]),
    ).toEqual([
      [1, 1, ['Ana listener', 'Bilal callerActor']],
      [1, 2, ['Chloé listener', 'Dan observer']],
    ]);
    expect(detail.body.calls[0]!.trainerLink).toMatch(/^\/animation\//);
    const debrief = await api<GroupDebrief>(
      `/api/classes/${classId}/debrief?scenarioId=${SCENARIO}`,
      trainer,
    );
    expect(debrief.status).toBe(200);
    expect(debrief.body.calls.map((c) => c.listener)).toEqual(['Ana', 'Chloé']);
    expect(debrief.body.calls.every((c) => c.measures.timeToPickup !== null)).toBe(true);
    expect(debrief.body.calls[1]!.measures.outcome).not.toBeNull();
    expect(debrief.body.graph.nodes.length).toBeGreaterThan(0);
    // The machine's transitions each call took (its run rebuilt from the record), per edge of the
    // graph: both calls waited 31 s at the welcome (its timer's reaction), Chloé's went on.
    for (const edge of debrief.body.transitions) expect(groupDebriefEdgeSchema.parse(edge)).toEqual(edge);
    expect(debrief.body.transitions).toEqual([
      { edge: 'accueil|after 20000|0', from: 'accueil', to: null, calls: 2, times: 2 },
      { edge: 'accueil|se_presenter|0', from: 'accueil', to: 'ecoute', calls: 1, times: 1 },
      { edge: 'ecoute|acted|0', from: 'ecoute', to: 'ecoute.en_ligne', calls: 1, times: 1 },
    ]);
    expect(debrief.body.calls[0]!.transitions).toEqual([{ edge: 'accueil|after 20000|0', times: 1 }]);
    const json = await api<{ calls: { debrief: unknown; trainerLink: unknown }[] }>(
      `/api/classes/${classId}/export/json`,
      trainer,
    );
    expect(json.body.calls).toHaveLength(2);
    expect(json.body.calls.every((c) => c.debrief !== null && c.trainerLink === null)).toBe(true);
    const csv = await api<string>(`/api/classes/${classId}/export/csv`, trainer);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toMatch(/^round,group,scenario,listener/);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain('Chloé');
    // Each export of the class is in the organisation's audit log.
    const audit = await api<AuditLogEntry[]>('/api/organization/audit', admin);
    expect(audit.body.filter((e) => e.action === 'class-exported').map((e) => e.target)).toEqual([
      `class:${classId}`,
      `class:${classId}`,
    ]);
    // Read by the class's name on the organisation page, not its id.
    expect(audit.body.find((e) => e.action === 'class-exported')?.subject).toEqual({
      kind: 'class',
      name: 'Groupe du mardi',
    });

    // Another trainer of the organisation sees neither the class nor its debrief.
    expect((await api<{ code: string }>(`/api/classes/${classId}`, colleague)).body.code).toBe(
      'class/not_found',
    );
    expect((await api<ClassSummary[]>('/api/classes', colleague)).body).toEqual([]);
    expect((await api<ClassSummary[]>('/api/classes', trainer)).body.map((c) => c.classId)).toEqual([
      classId,
    ]);

    // Erasing the pseudonym « Dan » (privacy): his learner token opens nothing any more and his
    // name leaves the class's calls; the calls themselves stay (he only observed).
    expect((await server.app.get(ClassStore).lastMessage(classId))?.text).toBe('Dan, pensez à reformuler.');
    const erased = await api<{ sessions: string[] }>('/api/privacy/learners/erase', admin, { name: 'dan' });
    expect(erased.status).toBe(200);
    await expect(
      ClassClient.connect(server, { classId, learnerToken: learners[3]!.joined.token }),
    ).rejects.toThrow('class/join_invalid');
    const after = await api<ClassDetail>(`/api/classes/${classId}`, trainer);
    expect(after.body.learners.map((l) => l.pseudonym)).toEqual(['Ana', 'Bilal', 'Chloé']);
    expect(after.body.calls[1]!.members.map((m) => m.pseudonym)).toEqual(['Chloé', '']);
    expect(JSON.stringify(after.body)).not.toContain('Dan');
    // The trainer's last message to the class could name him: it is not kept either.
    expect(await server.app.get(ClassStore).lastMessage(classId)).toBeNull();
  }, 60_000);

  it('keeps a class’s settings and launches its rounds in its help mode, or the one the round gives', async () => {
    const created = await api<ClassSummary>('/api/classes', trainer, {
      name: 'Groupe du vendredi',
      scenarioIds: [SCENARIO],
    });
    const { classId, code } = created.body;
    const detail = async () => (await api<ClassDetail>(`/api/classes/${classId}`, trainer)).body;
    const put = async (body: unknown, as: Account = trainer) => {
      const response = await fetch(`${server.url}/api/classes/${classId}/settings`, {
        method: 'PUT',
        headers: { ...as.headers, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return {
        status: response.status,
        body: (await response.json()) as { code?: string; message?: string },
      };
    };
    expect((await detail()).settings).toEqual({
      hintMode: 'guided',
      askTrainer: false,
      machineCaller: false,
    });

    // A help mode not known, a field missing: refused with a code naming the field; nothing kept.
    const wrong = await put({ hintMode: 'silence', askTrainer: false, machineCaller: true });
    expect([wrong.status, wrong.body.code]).toEqual([400, 'input/invalid']);
    expect(wrong.body.message).toContain('hintMode');
    expect((await put({ hintMode: 'guided' })).body.code).toBe('input/invalid');
    expect(
      (await put({ hintMode: 'guided', askTrainer: false, machineCaller: true }, colleague)).body.code,
    ).toBe('class/not_found');
    expect((await detail()).settings.machineCaller).toBe(false);

    // Kept with the class: the page reloaded reads them back.
    const settings = { hintMode: 'free_speech', askTrainer: true, machineCaller: true };
    expect(await put(settings)).toEqual({ status: 200, body: settings });
    expect((await detail()).settings).toEqual(settings);

    const ids: string[] = [];
    for (const pseudonym of ['Gaëlle', 'Hugo']) {
      const joined = await api<ClassJoined>('/api/class-join', null, { code, pseudonym });
      ids.push(joined.body.learnerId);
    }
    const groups = ids.map((listener) => ({ listener, callerActor: null, observers: [] }));
    const store = server.app.get(SessionStore);
    const modesOf = async (launched: RoundLaunched) =>
      Promise.all(
        launched.calls.map(async (call) => {
          const session = await store.find(call.sessionId);
          return [session?.hintMode, session?.askTrainer];
        }),
      );

    // No mode in the request: the class's, for every call of the round.
    const first = await api<RoundLaunched>(`/api/classes/${classId}/rounds`, trainer, {
      scenarioId: SCENARIO,
      groups,
    });
    expect(first.status).toBe(201);
    expect(await modesOf(first.body)).toEqual([
      ['free_speech', true],
      ['free_speech', true],
    ]);
    // The round's own mode, when given.
    const second = await api<RoundLaunched>(`/api/classes/${classId}/rounds`, trainer, {
      scenarioId: SCENARIO,
      hintMode: 'no_hints',
      groups,
    });
    expect(await modesOf(second.body)).toEqual([
      ['no_hints', false],
      ['no_hints', false],
    ]);
    const bad = await api<{ code: string; message: string }>(`/api/classes/${classId}/rounds`, trainer, {
      scenarioId: SCENARIO,
      hintMode: 'silence',
      groups,
    });
    expect([bad.status, bad.body.code]).toEqual([400, 'input/invalid']);
    expect(bad.body.message).toContain('hintMode');
    expect((await detail()).rounds).toBe(2);
  }, 60_000);

  it('watches a call without waking it: a call not in memory is read from its record, never rebuilt', async () => {
    const created = await api<ClassSummary>('/api/classes', trainer, {
      name: 'Groupe du jeudi',
      scenarioIds: [SCENARIO],
    });
    const { classId, code } = created.body;
    const joined = await api<ClassJoined>('/api/class-join', null, { code, pseudonym: 'Eva' });
    const launched = await api<RoundLaunched>(`/api/classes/${classId}/rounds`, trainer, {
      scenarioId: SCENARIO,
      groups: [{ listener: joined.body.learnerId, callerActor: null, observers: [] }],
    });
    const sessionId = launched.body.calls[0]!.sessionId;
    const page = await ClassClient.connect(server, { classId, learnerToken: joined.body.token });
    open.push(page);
    await page.waitFor(() => page.assignments.at(-1) != null, 'the assignment');
    const link = page.assignments.at(-1)!.link;
    const sessions = server.app.get(SessionsService);
    const timeline = server.app.get<TimelineStore>(TIMELINE_STORE);
    const { stats } = server.app.get(FloorService);

    // Launched, never opened: the floor shows it ringing.
    const floor = await ClassClient.connect(server, { classId }, { cookie: trainer.cookie });
    open.push(floor);
    await floor.waitFor(() => floor.tiles.has(sessionId), 'the tile of the call');
    expect(floor.tiles.get(sessionId)).toMatchObject({ phase: 'ringing', t: 0, listener: 'Eva' });

    // Eva picks up and speaks; the trainer pauses the call from the floor; Eva leaves.
    const eva = await RoleClient.connect(server.url, { sessionId, token: tokenOf(link) });
    expect((await eva.sync(0)).ok).toBe(true);
    expect((await eva.send({ kind: 'pickup' })).ok).toBe(true);
    expect((await eva.send({ kind: 'move', move: 'se_presenter' })).ok).toBe(true);
    expect(await floor.command({ kind: 'pause', sessionId })).toEqual({ ok: true, applied: 1 });
    await floor.waitFor(() => floor.tiles.get(sessionId)?.paused === true, 'the call paused');
    const watched = floor.tiles.get(sessionId)!;
    expect(watched.phase).toBe('connected');
    eva.close();
    // Once her socket is gone the idle call is unloaded (its record holds it all).
    for (let i = 0; i < 100 && sessions.loaded(sessionId); i++) {
      sessions.unloadIdle(Date.now() + 3_600_000);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(sessions.loaded(sessionId)).toBeUndefined();
    const recorded = (await timeline.read(sessionId)).length;

    // The floor closed and opened again (what it knew is gone) reads the call from its record:
    // the same tile, paused as recorded …
    floor.close();
    const floors = server.app.get(FloorService);
    for (let i = 0; i < 200 && floors.floorsOf(classId) > 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(floors.floorsOf(classId)).toBe(0);
    const cold = stats.coldReadings;
    const late = await ClassClient.connect(server, { classId }, { cookie: trainer.cookie });
    open.push(late);
    await late.waitFor(() => late.tiles.has(sessionId), 'the tile read from the record');
    expect(late.tiles.get(sessionId)).toMatchObject({
      phase: 'connected',
      paused: true,
      t: watched.t,
      stateLabel: watched.stateLabel,
      variables: watched.variables.map((v) => expect.objectContaining({ id: v.id, value: v.value })),
    });
    expect(stats.coldReadings).toBe(cold + 1);
    // … and the readings that follow neither bring it back nor write to it.
    const readings = stats.readings;
    for (let i = 0; i < 100 && stats.readings < readings + 3; i++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stats.readings).toBeGreaterThanOrEqual(readings + 3);
    expect(sessions.loaded(sessionId)).toBeUndefined();
    expect(stats.coldReadings).toBe(cold + 1);
    expect((await timeline.read(sessionId)).length).toBe(recorded);
    late.close();
    page.close();
  }, 60_000);

  it('takes a learner back into her place when she joins again from another device, never while her page is open', async () => {
    const created = await api<ClassSummary>('/api/classes', trainer, {
      name: 'Groupe du vendredi',
      scenarioIds: [SCENARIO],
    });
    const { classId, code } = created.body;
    const floor = await ClassClient.connect(server, { classId }, { cookie: trainer.cookie });
    open.push(floor);
    await floor.waitFor(() => floor.rosters.length > 0, 'the first roster');
    const joinAs = (pseudonym: string) =>
      api<ClassJoined & { code?: string; message?: string }>('/api/class-join', null, { code, pseudonym });

    // Inès joins on her phone, Bilal on his; a round gives Inès the listener's role.
    const first = await joinAs('Inès');
    expect(first.status).toBe(201);
    const phone = await ClassClient.connect(server, { classId, learnerToken: first.body.token });
    open.push(phone);
    const bilal = await joinAs('Bilal');
    await floor.waitFor(() => floor.rosters.at(-1)?.length === 2, 'the roster of two');
    const launched = await api<RoundLaunched>(`/api/classes/${classId}/rounds`, trainer, {
      scenarioId: SCENARIO,
      groups: [{ listener: first.body.learnerId, callerActor: bilal.body.learnerId, observers: [] }],
    });
    expect(launched.status).toBe(201);
    await phone.waitFor(() => phone.assignments.at(-1) != null, 'her assignment');
    const assignment = phone.assignments.at(-1)!;
    expect(assignment.role).toBe('listener');

    // Someone else types « inès » while her page is open: refused, with its code and message;
    // the class still has one Inès.
    const impostor = await joinAs(' INES ');
    expect([impostor.status, impostor.body.code]).toEqual([409, 'class/pseudonym_taken']);
    expect(impostor.body.message).toMatch(/^Ce pseudonyme est déjà utilisé dans cette séance/);

    // She opens her call on the phone (its class page closes): her listener page is hers alone,
    // so typing her name is still refused.
    const rooms = server.app.get(ClassRooms);
    const seats = [{ sessionId: sessionOf(assignment.link), role: 'listener' as const }];
    const gone = async (inCalls: typeof seats) => {
      for (let i = 0; i < 200 && (await rooms.learnerConnected(classId, first.body.learnerId, inCalls)); i++)
        await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await rooms.learnerConnected(classId, first.body.learnerId, inCalls)).toBe(false);
    };
    const call = await RoleClient.connect(server.url, {
      sessionId: sessionOf(assignment.link),
      token: tokenOf(assignment.link),
    });
    open.push(call);
    expect((await call.sync(0)).ok).toBe(true);
    phone.close();
    await gone([]);
    expect((await joinAs('Inès')).body.code).toBe('class/pseudonym_taken');

    // Her phone dies (its call page gone), she joins again on a computer with the same pseudonym:
    // her place back — the same learner, her role and her call's link — and one Inès listed.
    call.close();
    await gone(seats);
    const again = await joinAs('inès');
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ classId, learnerId: first.body.learnerId, pseudonym: 'Inès' });
    expect(again.body.token).not.toBe(first.body.token);
    const computer = await ClassClient.connect(server, { classId, learnerToken: again.body.token });
    open.push(computer);
    await computer.waitFor(() => computer.assignments.length === 1, 'her assignment again');
    expect(computer.assignments[0]).toEqual(assignment);
    const detail = await api<ClassDetail>(`/api/classes/${classId}`, trainer);
    expect(detail.body.learners.map((l) => [l.learnerId, l.pseudonym])).toEqual([
      [first.body.learnerId, 'Inès'],
      [bilal.body.learnerId, 'Bilal'],
    ]);
    expect(floor.rosters.at(-1)?.map((l) => l.pseudonym)).toEqual(['Inès', 'Bilal']);

    // The phone, switched on again, is told its place was taken over (not sent to the join form
    // as if its code were wrong); and now that the computer's page is open, the phone cannot
    // take it back by name either.
    await expect(ClassClient.connect(server, { classId, learnerToken: first.body.token })).rejects.toThrow(
      'class/taken_over',
    );
    expect((await joinAs('Inès')).body.code).toBe('class/pseudonym_taken');

    // A page still connected with a token being replaced (a join racing its handshake) is told
    // first, then closed by the server (here Bilal's, told directly).
    const bilalPage = await ClassClient.connect(server, { classId, learnerToken: bilal.body.token });
    open.push(bilalPage);
    rooms.takenOver(classId, bilal.body.learnerId, []);
    await bilalPage.waitFor(() => bilalPage.disconnected !== null, 'the page closed');
    expect([bilalPage.takenOver, bilalPage.disconnected]).toEqual([1, 'io server disconnect']);

    // A full class refuses a new name, never a learner coming back.
    for (let n = 2; n < MAX_CLASS_LEARNERS; n++) expect((await joinAs(`Personne ${n}`)).status).toBe(201);
    expect((await joinAs('Zoé')).body.code).toBe('class/full');
    computer.close();
    await gone(seats);
    const back = await joinAs('Inès');
    expect([back.status, back.body.learnerId]).toEqual([201, first.body.learnerId]);
  }, 60_000);

  it('does not let a dead device’s class page hold the pseudonym until the heartbeat notices: a page that does not answer is passed over', async () => {
    const created = await api<ClassSummary>('/api/classes', trainer, {
      name: 'Groupe du dimanche',
      scenarioIds: [SCENARIO],
    });
    const { classId, code } = created.body;
    const joinAs = (pseudonym: string) =>
      api<ClassJoined & { code?: string }>('/api/class-join', null, { code, pseudonym });
    const first = await joinAs('Inès');
    const phone = await ClassClient.connect(server, { classId, learnerToken: first.body.token });
    open.push(phone);

    // Alive, her page answers the probe: her name is refused.
    expect((await joinAs('Inès')).body.code).toBe('class/pseudonym_taken');
    expect(phone.probes).toBe(1);

    // Her phone's network dies without a close: the server still holds its socket (Socket.IO's
    // heartbeat would take ≈ 45 s to notice), but the page answers nothing. Her join from the
    // computer is let through: the same learner, and the silent page is told and closed.
    phone.alive = false;
    const back = await joinAs('inès');
    expect([back.status, back.body.learnerId]).toEqual([201, first.body.learnerId]);
    expect(phone.probes).toBe(2);
    await phone.waitFor(() => phone.disconnected !== null, 'the silent page closed');
    expect([phone.takenOver, phone.disconnected]).toEqual([1, 'io server disconnect']);
  }, 60_000);

  it('does not let a dead device’s call page hold the pseudonym until the heartbeat notices: a silent call page is passed over and closed, its seat going to her next page, the call recording nothing', async () => {
    const created = await api<ClassSummary>('/api/classes', trainer, {
      name: 'Groupe du lundi',
      scenarioIds: [SCENARIO],
    });
    const { classId, code } = created.body;
    const joinAs = (pseudonym: string) =>
      api<ClassJoined & { code?: string }>('/api/class-join', null, { code, pseudonym });

    // Inès is the listener of a call with Bilal; on her phone she opens her call (her class page
    // closes), takes its seat, joins and picks up; the trainer's console is open too.
    const first = await joinAs('Inès');
    const bilal = await joinAs('Bilal');
    const launched = await api<RoundLaunched>(`/api/classes/${classId}/rounds`, trainer, {
      scenarioId: SCENARIO,
      groups: [{ listener: first.body.learnerId, callerActor: bilal.body.learnerId, observers: [] }],
    });
    expect(launched.status).toBe(201);
    const classPage = await ClassClient.connect(server, { classId, learnerToken: first.body.token });
    await classPage.waitFor(() => classPage.assignments.at(-1) != null, 'her assignment');
    const assignment = classPage.assignments.at(-1)!;
    classPage.close();
    const sessionId = sessionOf(assignment.link);
    const phoneCall = await RoleClient.connect(server.url, { sessionId, token: tokenOf(assignment.link) });
    open.push(phoneCall);
    expect(await phoneCall.seat('claim', 'page-phone')).toEqual({ ok: true, seat: { status: 'holder' } });
    expect((await phoneCall.send({ kind: 'join', name: 'Inès' })).ok).toBe(true);
    expect((await phoneCall.send({ kind: 'pickup' })).ok).toBe(true);
    const trainerCall = await RoleClient.connect(server.url, {
      sessionId,
      token: tokenOf(launched.body.calls[0]!.trainerLink!),
    });
    open.push(trainerCall);
    const before = await trainerCall.sync(0);
    if (!before.ok) throw new Error('the trainer’s sync failed');

    // Alive, her call page answers the probe: her name is refused.
    expect((await joinAs('Inès')).body.code).toBe('class/pseudonym_taken');
    expect(phoneCall.probes).toBe(1);

    // Her phone's network dies without a close: the server still holds its call socket (Socket.IO's
    // heartbeat would take ≈ 45 s to notice), but the page answers nothing. Her join from the
    // computer is let through after the server's wait: the same learner; the silent call page
    // is told why and closed, the trainer's stays.
    phoneCall.alive = false;
    const phoneClosed = new Promise<string>((resolve) => phoneCall.socket.once('disconnect', resolve));
    const back = await joinAs('inès');
    expect([back.status, back.body.learnerId]).toEqual([201, first.body.learnerId]);
    expect(phoneCall.probes).toBe(2);
    expect(await within(phoneClosed, 'the silent call page closed')).toBe('io server disconnect');
    expect(phoneCall.received.filter((r) => r.event === 'session:closed').map((r) => r.payload)).toEqual([
      { code: 'class/taken_over' },
    ]);
    expect(trainerCall.socket.connected).toBe(true);

    // The computer gets her assignment (the same link); its call page takes the seat the dead
    // phone held, and acts. The takeover recorded nothing in the call: the same timeline.
    const computer = await ClassClient.connect(server, { classId, learnerToken: back.body.token });
    open.push(computer);
    await computer.waitFor(() => computer.assignments.length === 1, 'her assignment on the computer');
    expect(computer.assignments[0]).toEqual(assignment);
    const computerCall = await RoleClient.connect(server.url, { sessionId, token: tokenOf(assignment.link) });
    open.push(computerCall);
    expect(await computerCall.seat('claim', 'page-computer')).toEqual({
      ok: true,
      seat: { status: 'holder' },
    });
    const after = await trainerCall.sync(0);
    expect(after.ok && after.snapshot.seq).toBe(before.snapshot.seq);
    expect(after.ok && after.snapshot.entries).toEqual(before.snapshot.entries);
    expect((await computerCall.send({ kind: 'join', name: 'Inès' })).ok).toBe(true);

    // Her computer's pages answer: her name is refused again.
    expect((await joinAs('Inès')).body.code).toBe('class/pseudonym_taken');
    expect(computerCall.probes).toBe(1);
  }, 60_000);

  it('frees a learner’s place for her trainer: her old pages told and closed, her next join takes her place back, the call losing nothing', async () => {
    const created = await api<ClassSummary>('/api/classes', trainer, {
      name: 'Groupe du samedi',
      scenarioIds: [SCENARIO],
    });
    const { classId, code } = created.body;
    const joinAs = (pseudonym: string) =>
      api<ClassJoined & { code?: string; message?: string }>('/api/class-join', null, { code, pseudonym });
    const free = (body: unknown, as: Account | null) =>
      api<ClassPlaceFreed & { code?: string; message?: string }>(
        `/api/classes/${classId}/free-place`,
        as,
        body,
      );

    // Inès joins on the training room's computer, Bilal on his phone; a round makes Inès the
    // listener, Bilal the caller. The computer keeps her class page and her call open.
    const first = await joinAs('Inès');
    const bilal = await joinAs('Bilal');
    const oldPage = await ClassClient.connect(server, { classId, learnerToken: first.body.token });
    open.push(oldPage);
    const launched = await api<RoundLaunched>(`/api/classes/${classId}/rounds`, trainer, {
      scenarioId: SCENARIO,
      groups: [{ listener: first.body.learnerId, callerActor: bilal.body.learnerId, observers: [] }],
    });
    await oldPage.waitFor(() => oldPage.assignments.at(-1) != null, 'her assignment');
    const assignment = oldPage.assignments.at(-1)!;
    const sessionId = sessionOf(assignment.link);
    const oldCall = await RoleClient.connect(server.url, { sessionId, token: tokenOf(assignment.link) });
    open.push(oldCall);
    const trainerLink = launched.body.calls[0]!.trainerLink!;
    const trainerCall = await RoleClient.connect(server.url, { sessionId, token: tokenOf(trainerLink) });
    open.push(trainerCall);
    const bilalCall = await RoleClient.connect(server.url, {
      sessionId,
      token: tokenOf((await bilalAssignment()).link),
    });
    open.push(bilalCall);
    expect((await oldCall.send({ kind: 'join', name: 'Inès' })).ok).toBe(true);
    expect((await oldCall.send({ kind: 'pickup' })).ok).toBe(true);
    const before = await trainerCall.sync(0);
    expect(before.ok).toBe(true);
    if (!before.ok) return;

    // From her phone, her pseudonym is refused while the computer's pages are open.
    expect((await joinAs('Inès')).body.code).toBe('class/pseudonym_taken');

    // Nobody but the class's trainer frees it: a colleague (not her class) and a learner are
    // refused with the class routes' codes, a bad body or an unknown learner too; nothing changes.
    expect(await codeOf(free({ learnerId: first.body.learnerId }, colleague))).toEqual([
      404,
      'class/not_found',
    ]);
    expect(await codeOf(free({ learnerId: first.body.learnerId }, null))).toEqual([
      401,
      'auth/sign_in_required',
    ]);
    expect(await codeOf(free({ learnerId: first.body.learnerId, extra: 1 }, trainer))).toEqual([
      400,
      'input/invalid',
    ]);
    expect(await codeOf(free({ learnerId: 'personne' }, trainer))).toEqual([404, 'class/learner_not_found']);
    expect([oldPage.placeFreed, oldPage.disconnected, oldCall.socket.connected]).toEqual([0, null, true]);
    expect((await joinAs('Inès')).body.code).toBe('class/pseudonym_taken');

    // Her trainer frees it: the computer's class page is told and closed, so is her call page
    // (its link renewed); Bilal's and the trainer's stay.
    const callClosed = new Promise<string>((resolve) => oldCall.socket.once('disconnect', resolve));
    const freed = await free({ learnerId: first.body.learnerId }, trainer);
    expect([freed.status, freed.body]).toEqual([200, { learnerId: first.body.learnerId, renewedLinks: 1 }]);
    await oldPage.waitFor(() => oldPage.disconnected !== null, 'the old class page closed');
    expect([oldPage.placeFreed, oldPage.disconnected]).toEqual([1, 'io server disconnect']);
    expect(await callClosed).toBe('io server disconnect');
    expect(oldCall.received.filter((r) => r.event === 'session:closed').map((r) => r.payload)).toEqual([
      { code: 'class/place_freed' },
    ]);
    expect([trainerCall.socket.connected, bilalCall.socket.connected]).toEqual([true, true]);

    // The call lost nothing and gained nothing: the same timeline, the same seq.
    const after = await trainerCall.sync(0);
    expect(after.ok && after.snapshot.seq).toBe(before.snapshot.seq);
    expect(after.ok && after.snapshot.entries).toEqual(before.snapshot.entries);

    // The computer's old token and old call link open nothing any more, and say why.
    await expect(ClassClient.connect(server, { classId, learnerToken: first.body.token })).rejects.toThrow(
      'class/place_freed',
    );
    await expect(
      RoleClient.connect(server.url, { sessionId, token: tokenOf(assignment.link) }),
    ).rejects.toThrow('auth/invalid_token');

    // From her phone she takes her place back: the same learner, her role in the same call, with
    // a new link that opens the call where it was.
    const back = await joinAs('inès');
    expect(back.status).toBe(201);
    expect(back.body).toMatchObject({ classId, learnerId: first.body.learnerId, pseudonym: 'Inès' });
    const phone = await ClassClient.connect(server, { classId, learnerToken: back.body.token });
    open.push(phone);
    await phone.waitFor(() => phone.assignments.length === 1, 'her assignment on the phone');
    const again = phone.assignments[0]!;
    expect({ ...again, link: sessionOf(again.link) }).toEqual({ ...assignment, link: sessionId });
    expect(again.link).not.toBe(assignment.link);
    const phoneCall = await RoleClient.connect(server.url, { sessionId, token: tokenOf(again.link) });
    open.push(phoneCall);
    const resumed = await phoneCall.sync(0);
    expect(resumed.ok && resumed.snapshot.role).toBe('listener');
    expect(resumed.ok && resumed.snapshot.seq).toBe(before.snapshot.seq);
    expect((await phoneCall.send({ kind: 'join', name: 'Inès' })).ok).toBe(true);

    async function bilalAssignment(): Promise<LearnerAssignment> {
      const page = await ClassClient.connect(server, { classId, learnerToken: bilal.body.token });
      await page.waitFor(() => page.assignments.length > 0, 'Bilal’s assignment');
      page.close();
      return page.assignments[0]!;
    }
  }, 60_000);

  it('sends the trainer’s last message again to a learner page that connects during its round, never one of an earlier round; bad and flooding messages answered with a code', async () => {
    const created = await api<ClassSummary>('/api/classes', trainer, {
      name: 'Groupe du samedi',
      scenarioIds: [SCENARIO],
    });
    const { classId, code } = created.body;
    const floor = await ClassClient.connect(server, { classId }, { cookie: trainer.cookie });
    open.push(floor);
    await floor.waitFor(() => floor.rosters.length > 0, 'the first roster');
    const joined = await api<ClassJoined>('/api/class-join', null, { code, pseudonym: 'Yanis' });
    const connectPage = async () => {
      const page = await ClassClient.connect(server, { classId, learnerToken: joined.body.token });
      open.push(page);
      await page.waitFor(() => page.assignments.length === 1, 'the assignment');
      return page;
    };

    // Before the first round: the group page reads it; sent again to a page that connects now.
    expect(await floor.command({ kind: 'message', text: 'Bienvenue à toutes et à tous.' })).toEqual({
      ok: true,
      applied: 0,
    });
    const early = await connectPage();
    await early.waitFor(() => early.messages.length === 1, 'the welcome again');
    expect(early.messages[0]).toMatchObject({ text: 'Bienvenue à toutes et à tous.', round: 0 });
    early.close();

    // A round starts: the message of before it is not news any more on her call page.
    const launched = await api<RoundLaunched>(`/api/classes/${classId}/rounds`, trainer, {
      scenarioId: SCENARIO,
      groups: [{ listener: joined.body.learnerId, callerActor: null, observers: [] }],
    });
    expect(launched.status).toBe(201);
    const callPage = await connectPage();
    expect(callPage.assignments[0]?.round).toBe(1);
    // The server sends the message to read again, if any, before the assignment: none came.
    expect(callPage.messages).toEqual([]);
    callPage.close();

    // Sent during the round: a page that connects afterwards reads it (the last one only).
    await floor.command({ kind: 'message', text: 'Premier message du tour.' });
    await floor.command({ kind: 'message', text: 'On arrête dans 2 minutes.' });
    const late = await connectPage();
    await late.waitFor(() => late.messages.length === 1, 'the last message of the round');
    expect(late.messages[0]).toMatchObject({
      text: 'On arrête dans 2 minutes.',
      from: 'Dominique',
      round: 1,
    });

    // Bad input: each answered with its code, nothing sent.
    const tooLong = 'x'.repeat(MAX_TEXT_LENGTH + 1);
    for (const bad of [
      { kind: 'message', text: tooLong },
      { kind: 'message', text: '   ' },
      { kind: 'message' },
      { kind: 'message', text: 'Salut', to: 'everyone' },
    ])
      expect(await floor.command(bad)).toMatchObject({ ok: false, code: 'input/invalid' });
    // A flood from the floor: the socket's budget (bursts of 40), then `input/rate_limited`.
    const flood = await Promise.all(
      Array.from({ length: 120 }, () => floor.command({ kind: 'message', text: 'Spam' })),
    );
    expect(flood.filter((ack) => !ack.ok).length).toBeGreaterThan(0);
    for (const ack of flood.filter((a) => !a.ok)) expect(ack).toMatchObject({ code: 'input/rate_limited' });
    expect(late.messages.filter((m) => m.text === tooLong || m.text.trim() === '')).toEqual([]);
  }, 60_000);

  it('tells a learner’s page when her own call ends and how — the listener with her debrief link —, never of another group’s call, and again after a reload', async () => {
    const created = await api<ClassSummary>('/api/classes', trainer, {
      name: 'Groupe du dimanche',
      scenarioIds: [SCENARIO],
    });
    const { classId, code } = created.body;
    const learners: { joined: ClassJoined; page: ClassClient }[] = [];
    for (const pseudonym of ['Lou', 'Malo', 'Nour', 'Oscar']) {
      const joined = await api<ClassJoined>('/api/class-join', null, { code, pseudonym });
      const page = await ClassClient.connect(server, { classId, learnerToken: joined.body.token });
      open.push(page);
      await page.waitFor(() => page.assignments.length === 1, 'no assignment yet');
      learners.push({ joined: joined.body, page });
    }
    const [lou, malo, nour, oscar] = learners.map((l) => l.joined.learnerId) as [
      string,
      string,
      string,
      string,
    ];
    // Lou listens to Malo playing the caller; Nour listens to the machine, Oscar observes.
    const launched = await api<RoundLaunched>(`/api/classes/${classId}/rounds`, trainer, {
      scenarioId: SCENARIO,
      groups: [
        { listener: lou, callerActor: malo, observers: [] },
        { listener: nour, callerActor: null, observers: [oscar] },
      ],
    });
    expect(launched.status).toBe(201);
    for (const { page } of learners) await page.waitFor(() => page.assignments.length === 2, 'the round');
    for (const { page } of learners)
      expect(page.assignments[1]).toMatchObject({ round: 1, ended: null, debriefLink: null });
    const [louPage, maloPage, nourPage, oscarPage] = learners.map((l) => l.page) as [
      ClassClient,
      ClassClient,
      ClassClient,
      ClassClient,
    ];
    const louLink = louPage.assignments[1]!.link;

    // Lou picks up and hangs up: her group's pages hear that their call ended, and how.
    const louCall = await RoleClient.connect(server.url, {
      sessionId: sessionOf(louLink),
      token: tokenOf(louLink),
    });
    open.push(louCall);
    await louCall.sync(0);
    expect((await louCall.send({ kind: 'pickup' })).ok).toBe(true);
    expect((await louCall.send({ kind: 'hangup' })).ok).toBe(true);
    await louPage.waitFor(() => louPage.assignments.length === 3, 'Lou’s call ended');
    await maloPage.waitFor(() => maloPage.assignments.length === 3, 'Malo’s call ended');
    const detail = await api<ClassDetail>(`/api/classes/${classId}`, trainer);
    const louCallState = detail.body.calls.find((c) => c.sessionId === sessionOf(louLink))!;
    expect(louCallState.status).toBe('ended');
    // The outcome the record holds (as the class's detail says it), and why: the listener hung up.
    const louEnd = { outcome: louCallState.outcome, reason: 'hangup' };
    expect(louPage.assignments[2]).toMatchObject({
      round: 1,
      role: 'listener',
      link: louLink,
      ended: louEnd,
      debriefLink: `/debrief/${encodeURIComponent(sessionOf(louLink))}#k=${encodeURIComponent(tokenOf(louLink))}`,
    });
    // The caller actor is told it ended, with no debrief link (the debrief is the listener's and the trainer's).
    expect(maloPage.assignments[2]).toMatchObject({ role: 'callerActor', ended: louEnd, debriefLink: null });
    // That link opens Lou's debrief.
    const debrief = await fetch(`${server.url}/api/sessions/${sessionOf(louLink)}/debrief`, {
      headers: { authorization: `Bearer ${tokenOf(louPage.assignments[2]!.debriefLink!)}` },
    });
    expect(debrief.status).toBe(200);

    // The trainer ends Nour's call: Nour and Oscar hear of it — and of nothing before (Lou's call is
    // not theirs: a message about it would have come first on their sockets).
    const nourLink = nourPage.assignments[1]!.link;
    const nourCall = launched.body.calls.find((c) => c.sessionId === sessionOf(nourLink))!;
    const nourConsole = await RoleClient.connect(server.url, {
      sessionId: nourCall.sessionId,
      token: tokenOf(nourCall.trainerLink!),
    });
    open.push(nourConsole);
    await nourConsole.sync(0);
    expect((await nourConsole.send({ kind: 'end' })).ok).toBe(true);
    await nourPage.waitFor(() => nourPage.assignments.length === 3, 'Nour’s call ended');
    await oscarPage.waitFor(() => oscarPage.assignments.length === 3, 'Oscar’s call ended');
    const trainerEnd = { outcome: null, reason: 'trainer' };
    expect(nourPage.assignments[2]).toMatchObject({ role: 'listener', ended: trainerEnd });
    expect(nourPage.assignments[2]!.debriefLink).toMatch(/^\/debrief\//);
    expect(oscarPage.assignments[2]).toMatchObject({
      role: 'observer',
      ended: trainerEnd,
      debriefLink: null,
    });
    expect(louPage.assignments).toHaveLength(3);
    expect(maloPage.assignments).toHaveLength(3);

    // A reload: the page's first assignment already says how its call ended (from the record).
    for (const [i, expected] of [
      [0, { role: 'listener', ended: louEnd, debriefLink: louPage.assignments[2]!.debriefLink }],
      [1, { role: 'callerActor', ended: louEnd, debriefLink: null }],
      [3, { role: 'observer', ended: trainerEnd, debriefLink: null }],
    ] as const) {
      const again = await ClassClient.connect(server, { classId, learnerToken: learners[i]!.joined.token });
      open.push(again);
      await again.waitFor(() => again.assignments.length === 1, 'the assignment after a reload');
      expect(again.assignments[0]).toMatchObject(expected);
    }

    // The next round: its assignments say nothing of an end.
    const next = await api<RoundLaunched>(`/api/classes/${classId}/rounds`, trainer, {
      scenarioId: SCENARIO,
      groups: [{ listener: malo, callerActor: null, observers: [lou] }],
    });
    expect(next.status).toBe(201);
    await louPage.waitFor(() => louPage.assignments.length === 4, 'the next round');
    expect(louPage.assignments[3]).toMatchObject({
      round: 2,
      role: 'observer',
      ended: null,
      debriefLink: null,
    });
  }, 60_000);

  it('limits the joins per address (ECOUTE_CREATE_PER_MINUTE): a burst of a class passes, the next is refused', async () => {
    const limited = await startServer({ env: { ECOUTE_CREATE_PER_MINUTE: '1' } });
    try {
      const admin = await setupAdministrator(limited);
      const owner = await inviteMember(limited, admin, 'trainer');
      const response = await fetch(`${limited.url}/api/classes`, {
        method: 'POST',
        headers: { ...owner.headers, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Grand groupe', scenarioIds: [SCENARIO] }),
      });
      const { code } = (await response.json()) as ClassSummary;
      const join = (n: number) =>
        fetch(`${limited.url}/api/class-join`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: appOrigin(limited) },
          body: JSON.stringify({ code, pseudonym: `Personne ${n}` }),
        });
      // A burst of 60 (a class joining from one address) passes; the next is refused.
      for (let n = 0; n < 60; n++) expect((await join(n)).status).toBe(201);
      const refused = await join(60);
      expect([refused.status, ((await refused.json()) as { code: string }).code]).toEqual([
        429,
        'input/rate_limited',
      ]);
    } finally {
      await limited.close();
    }
  }, 60_000);
});

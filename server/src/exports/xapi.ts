// xAPI 1.0.3 statements of a session, built from its JSON export: one statement per input of the
// timeline (as the trainer sees it), then, once the call is over, a completion statement with
// the score. Validated in the tests against `xapi-statement.schema.json`.
//
// - actor: who sent the input, an Agent identified by an `account` whose homePage is the
//   server's origin and whose name is the display name given on joining (a role's name when
//   none was given). The completion statement's actor is the listener (the learner).
// - verb: from the ADL vocabulary (http://adlnet.gov/expapi/verbs/…), see VERB_OF below.
// - object: the scenario version as an Activity (`<origin>/xapi/scenarios/<id>/v<version>`), or
//   one of its moves (`…/moves/<id>`), injects (`…/injects/<id>`), or a generic effect
//   (`<origin>/xapi/effects/<id>`), with the scenario as `contextActivities.parent`.
// - context: `registration` = the session's registration UUID (stored, stable), `instructor` =
//   the trainer, `platform` "Écoute", `language` fr-FR, extensions (IRIs under
//   `<origin>/xapi/extensions/`): `session-id`, `seq`, `session-time` (ms), `role`.
// - id: a name-based UUID of (registration, seq), so sending twice sends the same statements.
import { createHash } from 'node:crypto';
import { moveMadeBy } from '@ecoute/engine';
import type { CompiledScenario, Input, InputKind, Role } from '@ecoute/engine';
import type { SessionExport } from '@ecoute/protocol';

export interface LanguageMap {
  [tag: string]: string;
}

export interface XapiAgent {
  objectType: 'Agent';
  name: string;
  account: { homePage: string; name: string };
}

export interface XapiActivity {
  objectType: 'Activity';
  id: string;
  definition?: {
    name?: LanguageMap;
    description?: LanguageMap;
    type?: string;
    interactionType?: 'other';
  };
}

export interface XapiStatement {
  id: string;
  actor: XapiAgent;
  verb: { id: string; display: LanguageMap };
  object: XapiActivity;
  result?: {
    score?: { scaled: number };
    success?: boolean;
    completion?: boolean;
    response?: string;
    duration?: string;
    extensions?: Record<string, unknown>;
  };
  context: {
    registration: string;
    instructor?: XapiAgent;
    contextActivities?: { parent: XapiActivity[] };
    platform: string;
    language: string;
    extensions: Record<string, unknown>;
  };
  timestamp: string;
}

const ADL = 'http://adlnet.gov/expapi/verbs/';
const verb = (id: string, fr: string, en: string) => ({
  id: `${ADL}${id}`,
  display: { 'fr-FR': fr, 'en-US': en },
});

export const VERBS = {
  attended: verb('attended', 'a rejoint', 'attended'),
  initialized: verb('initialized', 'a décroché', 'initialized'),
  interacted: verb('interacted', 'a agi', 'interacted'),
  responded: verb('responded', 'a répondu', 'responded'),
  exited: verb('exited', 'a raccroché', 'exited'),
  commented: verb('commented', 'a commenté', 'commented'),
  suspended: verb('suspended', 'a suspendu', 'suspended'),
  resumed: verb('resumed', 'a repris', 'resumed'),
  terminated: verb('terminated', 'a terminé', 'terminated'),
  completed: verb('completed', 'a achevé', 'completed'),
} as const;

/** The verb of each kind of input. */
export const VERB_OF: Record<InputKind, keyof typeof VERBS> = {
  join: 'attended',
  pickup: 'initialized',
  move: 'interacted',
  say: 'responded',
  hangup: 'exited',
  hold: 'interacted',
  unhold: 'interacted',
  note: 'commented',
  inject: 'interacted',
  effect: 'interacted',
  adlib: 'responded',
  speak: 'responded',
  whisper: 'commented',
  bookmark: 'commented',
  projector: 'interacted',
  pause: 'suspended',
  resume: 'resumed',
  end: 'terminated',
  interpret: 'responded',
  correct: 'commented',
};

const ROLE_NAMES: Record<Role, string> = {
  listener: 'Écoutant·e',
  trainer: 'Formateur·rice',
  observer: 'Observateur·rice',
  callerActor: 'Appelant·e',
};

const SIMULATION = 'http://adlnet.gov/expapi/activities/simulation';
const INTERACTION = 'http://adlnet.gov/expapi/activities/interaction';

/** A name-based UUID (version 5 layout, SHA-256 based) of `parts`. */
export function nameUuid(...parts: string[]): string {
  const hash = createHash('sha256').update(parts.join('\u0000')).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** ISO 8601 duration of `ms` milliseconds (seconds with up to 3 decimals). */
export function isoDuration(ms: number): string {
  return `PT${Math.round(Math.max(0, ms)) / 1000}S`;
}

export function buildStatements(
  exported: SessionExport,
  compiled: CompiledScenario,
  origin: string,
): XapiStatement[] {
  const { session } = exported;
  const { scenario } = compiled;
  const agent = (role: Role): XapiAgent => {
    const name = exported.participants.find((p) => p.role === role)?.name ?? ROLE_NAMES[role];
    return { objectType: 'Agent', name, account: { homePage: origin, name } };
  };
  const scenarioActivity: XapiActivity = {
    objectType: 'Activity',
    id: `${origin}/xapi/scenarios/${encodeURIComponent(scenario.id)}/v${scenario.version}`,
    definition: {
      name: { 'fr-FR': scenario.title },
      description: { 'fr-FR': scenario.summary },
      type: SIMULATION,
    },
  };
  const part = (path: string, label: string): XapiActivity => ({
    objectType: 'Activity',
    id: `${scenarioActivity.id}/${path}`,
    definition: { name: { 'fr-FR': label }, type: INTERACTION, interactionType: 'other' },
  });
  const objectOf = (input: Input): XapiActivity => {
    switch (input.kind) {
      case 'move':
        return part(
          `moves/${encodeURIComponent(input.move)}`,
          scenario.moves[input.move]?.label ?? input.move,
        );
      case 'interpret':
      case 'correct': {
        const move = moveMadeBy(input);
        return move === null
          ? scenarioActivity
          : part(`moves/${encodeURIComponent(move)}`, scenario.moves[move]?.label ?? move);
      }
      case 'inject':
        return part(
          `injects/${encodeURIComponent(input.inject)}`,
          scenario.injects[input.inject]?.label ?? input.inject,
        );
      case 'effect':
        return {
          objectType: 'Activity',
          id: `${origin}/xapi/effects/${input.effect}`,
          definition: { name: { 'fr-FR': input.effect }, type: INTERACTION, interactionType: 'other' },
        };
      case 'hold':
      case 'unhold':
      case 'projector':
        return part(input.kind, input.kind);
      case 'join':
      case 'pickup':
      case 'say':
      case 'hangup':
      case 'note':
      case 'whisper':
      case 'adlib':
      case 'speak':
      case 'bookmark':
      case 'pause':
      case 'resume':
      case 'end':
        return scenarioActivity;
    }
  };
  const responseOf = (input: Input): string | undefined => {
    switch (input.kind) {
      case 'say':
      case 'note':
      case 'whisper':
      case 'adlib':
      case 'speak':
      case 'interpret':
        return input.text;
      case 'correct':
        return input.move;
      case 'bookmark':
        return input.comment;
      case 'projector':
        return input.on ? 'on' : 'off';
      case 'join':
      case 'pickup':
      case 'move':
      case 'hangup':
      case 'hold':
      case 'unhold':
      case 'inject':
      case 'effect':
      case 'pause':
      case 'resume':
      case 'end':
        return undefined;
    }
  };
  const ext = (name: string) => `${origin}/xapi/extensions/${name}`;
  const instructor = agent('trainer');
  const context = (object: XapiActivity, extensions: Record<string, unknown>): XapiStatement['context'] => ({
    registration: session.registration,
    instructor,
    ...(object.id === scenarioActivity.id ? {} : { contextActivities: { parent: [scenarioActivity] } }),
    platform: 'Écoute',
    language: 'fr-FR',
    extensions: { [ext('session-id')]: session.id, ...extensions },
  });

  const statements: XapiStatement[] = [];
  for (const entry of exported.timeline) {
    if (entry.kind !== 'input') continue;
    const role: Role = entry.source === 'caller' || entry.source === 'system' ? 'trainer' : entry.source;
    const object = objectOf(entry.input);
    const response = responseOf(entry.input);
    statements.push({
      id: nameUuid(session.registration, String(entry.seq)),
      actor: agent(role),
      verb: VERBS[VERB_OF[entry.input.kind]],
      object,
      ...(response !== undefined ? { result: { response } } : {}),
      context: context(object, {
        [ext('seq')]: entry.seq,
        [ext('session-time')]: entry.t,
        [ext('role')]: entry.source,
      }),
      timestamp: entry.at,
    });
  }
  if (session.status === 'ended') {
    const ending = exported.timeline.findLast(
      (e) => e.kind === 'observation' && e.observation.kind === 'ending',
    );
    const pickup = exported.timeline.find((e) => e.kind === 'input' && e.input.kind === 'pickup');
    const { scaled, success } = exported.score;
    statements.push({
      id: nameUuid(session.registration, 'completion'),
      actor: agent('listener'),
      verb: VERBS.completed,
      object: scenarioActivity,
      result: {
        ...(scaled !== null ? { score: { scaled } } : {}),
        success: success ?? false,
        completion: true,
        ...(ending && pickup ? { duration: isoDuration(ending.t - pickup.t) } : {}),
        extensions: { [ext('outcome')]: session.outcome },
      },
      context: context(scenarioActivity, ending ? { [ext('session-time')]: ending.t } : {}),
      timestamp: session.endedAt ?? ending?.at ?? exported.exportedAt,
    });
  }
  return statements;
}

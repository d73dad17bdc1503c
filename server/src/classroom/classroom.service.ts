// The classroom: a trainer's classes, learners joining by code with a pseudonym, rounds of
// calls launched at once (one session per group, created like any session: the class's trainer
// owns them), each learner's role link delivered to their page, and the floor's commands to one
// call or all. Who may manage a class is the policy table's rule applied with the class as its
// target (the class's trainer, or an administrator of its organisation).
import { randomBytes, randomInt } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Input, Role } from '@ecoute/engine';
import {
  DEFAULT_CLASS_SETTINGS,
  ErrorCode,
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  MAX_CLASS_LEARNERS,
  debriefLinkOf,
  failure,
} from '@ecoute/protocol';
import type {
  ClassCall,
  ClassCallEnd,
  ClassCreateRequest,
  ClassDetail,
  ClassJoinRequest,
  ClassJoined,
  ClassLearner,
  ClassMessage,
  ClassPlaceFreed,
  ClassRole,
  ClassSettings,
  ClassSummary,
  Failure,
  FloorCommand,
  FloorCommandAck,
  LaunchRoundRequest,
  LearnerAssignment,
  RoundLaunched,
} from '@ecoute/protocol';
import type { Access } from '../auth/access.service.js';
import { POLICY, allowedBy } from '../auth/policy.js';
import type { Action, Rule } from '../auth/policy.js';
import { hashToken, newSessionId, newToken } from '../auth/tokens.js';
import { ScenarioCatalog } from '../scenarios/scenario-catalog.js';
import { SessionStore } from '../sessions/session-store.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { TIMELINE_STORE } from '../timeline/timeline-store.js';
import type { TimelineStore } from '../timeline/timeline-store.js';
import { ClassStore } from './class-store.js';
import { messageToReplay } from './last-message.js';
import { pseudonymKey } from './pseudonym.js';
import type { ClassCallState, ClassRecord } from './class-store.js';

/** Where the classroom's pushes go (the `/classroom` namespace's rooms, in production). */
export interface ClassBroadcaster {
  assignment(classId: string, learnerId: string, assignment: LearnerAssignment | null): void;
  roster(classId: string, learners: ClassLearner[]): void;
  /** Sends to every learner page of the class; how many learners it reached. */
  message(classId: string, message: ClassMessage): number;
  /** A round was launched: the floor's list of calls changed. */
  callsChanged(classId: string): void;
  /**
   * Whether a page of this learner is connected now, on any process: their class page, or the
   * page of a role link only they hold (`seats`: the listener or caller actor of a live call) —
   * a page that answers when asked (a dead device's, still connected until the heartbeat
   * notices, does not).
   */
  learnerConnected(
    classId: string,
    learnerId: string,
    seats: readonly { sessionId: string; role: Role }[],
  ): Promise<boolean>;
  /**
   * The learner's place was taken back from another device: their pages still open (their class
   * page, their call pages of `seats`) are told and closed.
   */
  takenOver(classId: string, learnerId: string, seats: readonly { sessionId: string; role: Role }[]): void;
  /** The trainer freed the learner's place: their class pages still open are told and closed. */
  placeFreed(classId: string, learnerId: string): void;
}
export const CLASS_BROADCASTER = Symbol('CLASS_BROADCASTER');

/** Who manages the class: the credential the policy's rule let through for the route. */
export type ClassManager = Pick<Access, 'action' | 'member'>;

function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

@Injectable()
export class ClassroomService {
  private readonly logger = new Logger('Classroom');
  /** Per join code, the join under way (joins to one class run one at a time). */
  private readonly queues = new Map<string, Promise<void>>();

  constructor(
    @Inject(ClassStore) private readonly store: ClassStore,
    @Inject(SessionsService) private readonly sessions: SessionsService,
    @Inject(ScenarioCatalog) private readonly catalog: ScenarioCatalog,
    @Inject(CLASS_BROADCASTER) private readonly broadcaster: ClassBroadcaster,
    @Inject(SessionStore) sessionStore: SessionStore,
    @Inject(TIMELINE_STORE) private readonly timeline: TimelineStore,
  ) {
    // A call of the class ended (on the process that ran it, once marked ended): its learners'
    // pages say so — the page hears of rounds, and now of its call's end.
    sessionStore.onEnded((sessionId) => {
      this.callEnded(sessionId).catch((error: unknown) => {
        this.logger.error(`server/internal class call ended session=${sessionId} ${String(error)}`);
      });
    });
  }

  /**
   * The class if `manager` may act on it under `action`'s rule (the class as the target, like a
   * session: `own` = its trainer, `organisation` = any member of its organisation with that
   * scope); a class of another organisation, or not theirs, is answered `class/not_found`.
   */
  async managed(
    classId: string,
    manager: ClassManager,
    action: Action = manager.action,
  ): Promise<ClassRecord | Failure> {
    const record = await this.store.find(classId);
    const member = manager.member;
    if (!record || !member) return failure(ErrorCode.ClassNotFound);
    const allowed = allowedBy(
      POLICY[action],
      [{ kind: 'member', userId: member.userId, organizationId: member.organizationId, role: member.role }],
      { kind: 'session', sessionId: classId, ownerId: record.ownerId, organizationId: record.organizationId },
    );
    return allowed ? record : failure(ErrorCode.ClassNotFound);
  }

  async create(request: ClassCreateRequest, manager: ClassManager): Promise<ClassSummary | Failure> {
    const member = manager.member;
    if (!member) return failure(ErrorCode.AuthSignInRequired);
    for (const id of request.scenarioIds)
      if (!this.catalog.get(id) || !this.catalog.startableBy(id, member.organizationId))
        return failure(ErrorCode.ScenarioNotFound, `Scénario introuvable : ${id}.`);
    const scenarioIds = [...new Set(request.scenarioIds)];
    // A clash of codes is rare (32⁶ codes): a few draws at most.
    for (let attempt = 0; ; attempt++) {
      const record: ClassRecord = {
        id: newSessionId(),
        organizationId: member.organizationId,
        ownerId: member.userId,
        name: request.name,
        code: newJoinCode(),
        scenarioIds,
        createdAt: new Date().toISOString(),
        settings: DEFAULT_CLASS_SETTINGS,
      };
      try {
        await this.store.create(record);
        this.logger.log(`class created ${record.id} scenarios=${scenarioIds.join(',')}`);
        return this.summary(record, 0, 0);
      } catch (error) {
        if (attempt >= 4 || (await this.store.byCode(record.code)) === undefined) throw error;
      }
    }
  }

  async list(manager: ClassManager): Promise<ClassSummary[]> {
    const member = manager.member;
    if (!member) return [];
    const rule = (POLICY[manager.action] as Rule).members[member.role];
    const records = await this.store.list(member.organizationId, rule === 'own' ? member.userId : undefined);
    return Promise.all(
      records.map(async (record) =>
        this.summary(record, await this.store.learnerCount(record.id), await this.store.lastRound(record.id)),
      ),
    );
  }

  async detail(record: ClassRecord): Promise<ClassDetail> {
    const [learners, calls] = await Promise.all([
      this.store.learners(record.id),
      this.store.calls(record.id),
    ]);
    const rounds = calls.reduce((max, call) => Math.max(max, call.round), 0);
    return {
      ...this.summary(record, learners.length, rounds),
      settings: record.settings,
      learners,
      calls: await Promise.all(calls.map((call) => this.classCall(call))),
      joinPath: `/classe?code=${record.code}`,
    };
  }

  /**
   * A learner joins with the class's code and a pseudonym: their token for this class. A pseudonym
   * the class already has (`pseudonymKey`: whatever the case, accents and spaces) is that learner
   * coming back from another device (a phone gone flat, another computer): they take their place
   * back — the same learner, so their role, their call and the roster stay as they were — with a
   * new token, the old one retired (its page, if it comes back, is told `class/taken_over`). Only
   * while no page of theirs is connected (their class page, or their role's page in a live call:
   * a learner in her call has left the class page), a page counting only if it answers when
   * asked (a dead device's, silent, is passed over after `CLASS_PAGE_PROBE_MS` and closed by the
   * join): the pseudonym is no secret (the roster and the mates show it), so someone typing it
   * while its owner's page is open is refused
   * `class/pseudonym_taken` rather than let take the place silently. Joins to one class run one at
   * a time (a double submit, two devices at once: one learner, never two).
   */
  join(request: ClassJoinRequest): Promise<ClassJoined | Failure> {
    return this.oneAtATime(request.code, () => this.joinNow(request));
  }

  private async joinNow(request: ClassJoinRequest): Promise<ClassJoined | Failure> {
    const record = await this.store.byCode(request.code);
    if (!record) return failure(ErrorCode.ClassJoinInvalid);
    const learners = await this.store.learners(record.id);
    const key = pseudonymKey(request.pseudonym);
    const known = learners.find((l) => pseudonymKey(l.pseudonym) === key);
    const token = newToken();
    if (known) {
      const seats = await this.seatsOf(record.id, known.learnerId);
      if (await this.broadcaster.learnerConnected(record.id, known.learnerId, seats))
        return failure(ErrorCode.ClassPseudonymTaken);
      await this.store.replaceToken(record.id, known.learnerId, hashToken(token));
      // A page that connected meanwhile with the old token is told, and closed; so are the call
      // pages of a dead device, silent when asked (their seat goes to her next page).
      this.broadcaster.takenOver(record.id, known.learnerId, seats);
      this.logger.log(`class learner back from another device ${record.id} learner=${known.learnerId}`);
      return { classId: record.id, learnerId: known.learnerId, pseudonym: known.pseudonym, token };
    }
    if (learners.length >= MAX_CLASS_LEARNERS) return failure(ErrorCode.ClassFull);
    const learner: ClassLearner = {
      learnerId: randomBytes(9).toString('base64url'),
      pseudonym: request.pseudonym,
      joinedAt: new Date().toISOString(),
    };
    await this.store.addLearner(record.id, learner, hashToken(token));
    this.broadcaster.roster(record.id, await this.store.learners(record.id));
    return { classId: record.id, learnerId: learner.learnerId, pseudonym: learner.pseudonym, token };
  }

  /**
   * The learner a token opens in the class, or `class/join_invalid` (the same whether the class
   * exists); `class/taken_over` for the token their join from another device replaced.
   */
  async learner(classId: string, token: string): Promise<ClassLearner | Failure> {
    const hash = hashToken(token);
    const learner = await this.store.learnerOf(classId, hash);
    if (learner) return learner;
    const retired = await this.store.tokenRetired(classId, hash);
    return failure(
      retired === 'freed'
        ? ErrorCode.ClassPlaceFreed
        : retired === 'replaced'
          ? ErrorCode.ClassTakenOver
          : ErrorCode.ClassJoinInvalid,
    );
  }

  /**
   * The trainer frees a learner's place (their old device left open somewhere): their token is
   * retired (its page, coming back, is told `class/place_freed`), their class pages still open
   * are told and closed, and in each live call of the class the link of the role only they hold
   * (listener, caller actor) is renewed — its pages told and closed, nothing recorded: the call
   * goes on, the role without a connection until they rejoin. Their next join with their
   * pseudonym then takes their place back (same learner, role and call; the new link reaches
   * their class page with their assignment). An observer's link is shared by their group: it
   * stays. Run in the class's join queue, so that a join under way is not cut in two.
   */
  freePlace(
    record: ClassRecord,
    learnerId: string,
    manager: ClassManager,
  ): Promise<ClassPlaceFreed | Failure> {
    return this.oneAtATime(record.code, async () => {
      if (!(await this.store.learner(record.id, learnerId))) return failure(ErrorCode.ClassLearnerNotFound);
      const seats = await this.seatsOf(record.id, learnerId);
      await this.store.freeToken(record.id, learnerId, hashToken(newToken()));
      this.broadcaster.placeFreed(record.id, learnerId);
      let renewedLinks = 0;
      for (const { sessionId, role } of seats)
        if (await this.sessions.renewRoleLink(sessionId, role, ErrorCode.ClassPlaceFreed)) renewedLinks++;
      this.logger.log(
        `class learner place freed ${record.id} learner=${learnerId} links=${renewedLinks} by=${manager.member?.userId ?? '?'}`,
      );
      return { learnerId, renewedLinks };
    });
  }

  /**
   * The role links of the class's live calls that only this learner holds: listener or caller
   * actor (an observer link is shared by a group's observers: its page says nothing of who).
   */
  private async seatsOf(classId: string, learnerId: string): Promise<{ sessionId: string; role: Role }[]> {
    const calls = await this.store.calls(classId);
    return calls.flatMap((call) =>
      call.status !== 'live'
        ? []
        : call.members
            .filter((m) => m.learnerId === learnerId && m.role !== 'observer')
            .map((m) => ({ sessionId: call.sessionId, role: m.role as Role })),
    );
  }

  /** Runs `work` after the previous one queued under `key` settled (in this process). */
  private oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
    const run = (this.queues.get(key) ?? Promise.resolve()).then(work);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(key, settled);
    void settled.then(() => {
      if (this.queues.get(key) === settled) this.queues.delete(key);
    });
    return run;
  }

  /**
   * Launches one call per group, all at once: a session each (owned by the class's trainer), in
   * the help mode the request gives (with `askTrainer`), else the class's settings'; recorded as
   * the class's next round; each learner's page gets their role link.
   */
  async launch(
    record: ClassRecord,
    request: LaunchRoundRequest,
    manager: ClassManager,
  ): Promise<RoundLaunched | Failure> {
    if (!record.scenarioIds.includes(request.scenarioId)) return failure(ErrorCode.ScenarioNotFound);
    const compiled = this.catalog.get(request.scenarioId);
    if (!compiled) return failure(ErrorCode.ScenarioNotFound);
    const learners = new Map((await this.store.learners(record.id)).map((l) => [l.learnerId, l]));
    const seen = new Set<string>();
    for (const group of request.groups)
      for (const id of [
        group.listener,
        ...(group.callerActor ? [group.callerActor] : []),
        ...group.observers,
      ]) {
        if (!learners.has(id) || seen.has(id)) return failure(ErrorCode.ClassGroupsInvalid);
        seen.add(id);
      }
    const round = (await this.store.lastRound(record.id)) + 1;
    const owner = { ownerId: record.ownerId, organizationId: record.organizationId };
    // The help mode the round was launched with, else the class's (one for the whole session).
    const chosen = request.hintMode
      ? { hintMode: request.hintMode, askTrainer: request.askTrainer === true }
      : record.settings;
    const hintMode = chosen.hintMode;
    const askTrainer = hintMode === 'free_speech' && chosen.askTrainer;
    const made = await Promise.all(
      request.groups.map(async (group, index) => {
        const created = await this.sessions.create(
          {
            scenarioId: request.scenarioId,
            ...(group.callerActor ? { callerActor: true } : {}),
            ...(hintMode !== 'guided' ? { hintMode } : {}),
            ...(askTrainer ? { askTrainer: true } : {}),
          },
          owner,
        );
        if ('ok' in created) throw new Error(created.code);
        const member = (learnerId: string, role: ClassRole) => ({
          learnerId,
          pseudonym: learners.get(learnerId)?.pseudonym ?? '',
          role,
        });
        return {
          links: created.links,
          record: {
            sessionId: created.sessionId,
            classId: record.id,
            round,
            group: index + 1,
            members: [
              member(group.listener, 'listener'),
              ...(group.callerActor ? [member(group.callerActor, 'callerActor')] : []),
              ...group.observers.map((id) => member(id, 'observer')),
            ],
          },
        };
      }),
    );
    await this.store.addCalls(made.map((m) => m.record));
    const title = compiled.scenario.title;
    for (const { links, record: call } of made)
      for (const m of call.members)
        this.broadcaster.assignment(record.id, m.learnerId, {
          round,
          scenarioTitle: title,
          role: m.role,
          link: links[m.role as Role] ?? '',
          mates: call.members
            .filter((o) => o.learnerId !== m.learnerId)
            .map((o) => ({ pseudonym: o.pseudonym, role: o.role })),
          ended: null,
          debriefLink: null,
        });
    this.broadcaster.callsChanged(record.id);
    this.logger.log(
      `class round launched ${record.id} round=${round} calls=${made.length} by=${manager.member?.userId ?? '?'}`,
    );
    const calls = await this.store.calls(record.id);
    return {
      round,
      calls: await Promise.all(calls.filter((c) => c.round === round).map((c) => this.classCall(c))),
    };
  }

  /** The class's settings replaced (the page shows them again on a reload); the settings kept. */
  async setSettings(record: ClassRecord, settings: ClassSettings): Promise<ClassSettings> {
    await this.store.setSettings(record.id, settings);
    return settings;
  }

  /**
   * The learner's role in the class's latest round, with its link, and once that call has ended
   * how it ended (and the listener's debrief); null before any round, or when they sit this one out.
   */
  async assignmentOf(classId: string, learnerId: string): Promise<LearnerAssignment | null> {
    const calls = await this.store.calls(classId);
    const last = calls.reduce((max, call) => Math.max(max, call.round), 0);
    const call = calls.find((c) => c.round === last && c.members.some((m) => m.learnerId === learnerId));
    const me = call?.members.find((m) => m.learnerId === learnerId);
    if (!call || !me) return null;
    const [links, ended] = await Promise.all([this.sessions.links(call.sessionId), this.endOf(call)]);
    if ('ok' in links) return null;
    const link = links.links[me.role as Role] ?? '';
    return {
      round: call.round,
      scenarioTitle:
        this.catalog.get(call.scenarioId, call.scenarioVersion)?.scenario.title ?? call.scenarioId,
      role: me.role,
      link,
      mates: call.members
        .filter((o) => o.learnerId !== learnerId)
        .map((o) => ({ pseudonym: o.pseudonym, role: o.role })),
      ended,
      // The debrief opens to the listener's link and the trainer's (the policy's `debrief.read`):
      // a caller actor or an observer is told the call ended, with no link that would not open.
      debriefLink: ended && me.role === 'listener' ? debriefLinkOf(link) : null,
    };
  }

  /**
   * How a call ended, from its record: its ending's outcome and reason (the timeline's `ending`,
   * durable before the session is marked ended); null while it runs.
   */
  private async endOf(call: ClassCallState): Promise<ClassCallEnd | null> {
    if (call.status !== 'ended') return null;
    const entries = await this.timeline.read(call.sessionId);
    for (let i = entries.length - 1; i >= 0; i--) {
      const entry = entries[i]!;
      if (entry.kind === 'observation' && entry.observation.kind === 'ending')
        return { outcome: entry.observation.outcome, reason: entry.observation.reason };
    }
    // Marked ended with no ending recorded (not written by this server): its outcome, no reason.
    return { outcome: call.outcome, reason: null };
  }

  /**
   * A session ended: if it is a call of a class's round under way, each of its learners' pages is
   * sent their assignment again, now saying how the call ended (a call of an earlier round says
   * nothing: their pages show the round under way).
   */
  private async callEnded(sessionId: string): Promise<void> {
    const call = await this.store.callOf(sessionId);
    if (!call || call.round !== (await this.store.lastRound(call.classId))) return;
    for (const { learnerId } of call.members)
      this.broadcaster.assignment(call.classId, learnerId, await this.assignmentOf(call.classId, learnerId));
  }

  /**
   * The class's last message if a learner page connecting now is to read it again: sent during
   * the round under way and recently (`messageToReplay`).
   */
  async lastMessageFor(classId: string): Promise<ClassMessage | null> {
    const [last, round] = await Promise.all([this.store.lastMessage(classId), this.store.lastRound(classId)]);
    return messageToReplay(last, round, Date.now());
  }

  learners(classId: string): Promise<ClassLearner[]> {
    return this.store.learners(classId);
  }

  calls(classId: string): Promise<ClassCallState[]> {
    return this.store.calls(classId);
  }

  /**
   * A floor command: to one call of the class, to every live call, or a message to every learner
   * (signed with `from`, the trainer's name; kept as the class's last message, for the learner
   * pages that connect during the round: `lastMessageFor`).
   */
  async command(classId: string, command: FloorCommand, from: string): Promise<FloorCommandAck> {
    if (command.kind === 'message') {
      const message: ClassMessage = {
        text: command.text,
        at: new Date().toISOString(),
        from,
        round: await this.store.lastRound(classId),
      };
      await this.store.setLastMessage(classId, message);
      return { ok: true, applied: this.broadcaster.message(classId, message) };
    }
    const calls = await this.store.calls(classId);
    const toInput = (): Input => {
      switch (command.kind) {
        case 'whisper':
          return { kind: 'whisper', text: command.text };
        case 'adlib':
          return { kind: 'adlib', text: command.text };
        case 'pause':
        case 'pause_all':
          return { kind: 'pause' };
        case 'resume':
        case 'resume_all':
          return { kind: 'resume' };
      }
    };
    const targets =
      command.kind === 'pause_all' || command.kind === 'resume_all'
        ? calls.filter((c) => c.status === 'live')
        : calls.filter((c) => c.sessionId === command.sessionId);
    if (targets.length === 0 && command.kind !== 'pause_all' && command.kind !== 'resume_all')
      return failure(ErrorCode.SessionNotFound);
    const all = command.kind === 'pause_all' || command.kind === 'resume_all';
    const acks = await Promise.all(
      targets.map(async (call) => {
        const runtime = await this.sessions.runtimeFor(call.sessionId);
        if ('ok' in runtime) return runtime;
        if (all && (runtime.ended || runtime.paused === (command.kind === 'pause_all'))) return null;
        return runtime.apply('trainer', toInput());
      }),
    );
    const failed = acks.find((ack) => ack !== null && !ack.ok);
    if (!all && failed && !failed.ok) return failed;
    return { ok: true, applied: acks.filter((ack) => ack?.ok === true).length };
  }

  private summary(record: ClassRecord, learnerCount: number, rounds: number): ClassSummary {
    return {
      classId: record.id,
      name: record.name,
      code: record.code,
      scenarioIds: record.scenarioIds,
      createdAt: record.createdAt,
      learnerCount,
      rounds,
    };
  }

  private async classCall(call: ClassCallState): Promise<ClassCall> {
    const links = await this.sessions.links(call.sessionId);
    const paths: Partial<Record<Role, string>> = 'ok' in links ? {} : links.links;
    return {
      sessionId: call.sessionId,
      round: call.round,
      group: call.group,
      scenarioId: call.scenarioId,
      scenarioTitle:
        this.catalog.get(call.scenarioId, call.scenarioVersion)?.scenario.title ?? call.scenarioId,
      members: call.members,
      status: call.status,
      outcome: call.outcome,
      trainerLink: paths.trainer ?? null,
      observerLink: paths.observer ?? null,
    };
  }
}

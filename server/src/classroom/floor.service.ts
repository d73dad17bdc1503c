// The floor (« plateau »): while a class has a floor open, every live call of the class is read
// once per FLOOR_INTERVAL_MS — the entries since the last reading and the trainer's view — and
// only the tiles that changed are sent, in one message: however many inputs the calls take, a
// floor gets at most one message a second (coalesced here, on the server). Only the calls in
// memory are read live; one that is not (idle, or another process's) is read from its record
// (`cold-reading.ts`) when its timeline grew, never loaded: watching does not wake a call.
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import type { TrainerView } from '@ecoute/engine';
import { FLOOR_INTERVAL_MS } from '@ecoute/protocol';
import type { FloorTile, FloorTiles } from '@ecoute/protocol';
import { ScenarioCatalog } from '../scenarios/scenario-catalog.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { TIMELINE_STORE } from '../timeline/timeline-store.js';
import type { TimelineStore } from '../timeline/timeline-store.js';
import { CallWatch, byUrgency } from './call-watch.js';
import { ClassroomService } from './classroom.service.js';
import { coldView } from './cold-reading.js';

/** Where the tiles go (the floor room of the class). */
export interface FloorSink {
  tiles(classId: string, tiles: FloorTiles): void;
}
export const FLOOR_SINK = Symbol('FLOOR_SINK');

interface Watched {
  watch: CallWatch;
  title: string;
  sent: string;
  seed: number;
  /** The call's session time at the last reading (it stands still while it is not in memory). */
  now: number;
}

interface OpenFloor {
  floors: number;
  watches: Map<string, Watched>;
  timer: ReturnType<typeof setInterval>;
  reading: Promise<FloorTile[]> | null;
  stale: boolean;
}

@Injectable()
export class FloorService implements OnApplicationShutdown {
  private readonly logger = new Logger('Floor');
  private readonly open = new Map<string, OpenFloor>();
  /** Figures for the benchmark: tile messages sent and tiles in them. */
  readonly stats = { messages: 0, tiles: 0, readings: 0, coldReadings: 0 };

  constructor(
    @Inject(ClassroomService) private readonly classroom: ClassroomService,
    @Inject(SessionsService) private readonly sessions: SessionsService,
    @Inject(ScenarioCatalog) private readonly catalog: ScenarioCatalog,
    @Inject(FLOOR_SINK) private readonly sink: FloorSink,
    @Inject(TIMELINE_STORE) private readonly timeline: TimelineStore,
  ) {}

  /** A floor socket of the class connected: every tile now, for it alone. */
  async attach(classId: string): Promise<FloorTiles> {
    let floor = this.open.get(classId);
    if (!floor) {
      const timer = setInterval(() => this.tick(classId), FLOOR_INTERVAL_MS);
      timer.unref();
      floor = { floors: 0, watches: new Map(), timer, reading: null, stale: true };
      this.open.set(classId, floor);
    }
    floor.floors += 1;
    const tiles = await this.read(classId, floor);
    return { tiles: [...tiles].sort(byUrgency), removed: [], full: true };
  }

  /** How many floor sockets the class has open on this process. */
  floorsOf(classId: string): number {
    return this.open.get(classId)?.floors ?? 0;
  }

  detach(classId: string): void {
    const floor = this.open.get(classId);
    if (!floor) return;
    floor.floors -= 1;
    if (floor.floors > 0) return;
    clearInterval(floor.timer);
    this.open.delete(classId);
  }

  /** A round was launched: the next reading lists the class's calls again. */
  callsChanged(classId: string): void {
    const floor = this.open.get(classId);
    if (floor) floor.stale = true;
  }

  onApplicationShutdown(): void {
    for (const floor of this.open.values()) clearInterval(floor.timer);
    this.open.clear();
  }

  private tick(classId: string): void {
    const floor = this.open.get(classId);
    if (!floor || floor.reading) return;
    void this.read(classId, floor)
      .then((tiles) => {
        const changed = tiles.filter((tile) => {
          const entry = floor.watches.get(tile.sessionId);
          const json = JSON.stringify(tile);
          if (!entry || entry.sent === json) return false;
          entry.sent = json;
          return true;
        });
        if (changed.length === 0) return;
        this.stats.messages += 1;
        this.stats.tiles += changed.length;
        this.sink.tiles(classId, { tiles: changed.sort(byUrgency), removed: [], full: false });
      })
      .catch((error: unknown) =>
        this.logger.error(`server/internal floor class=${classId} ${String(error)}`),
      );
  }

  /** Reads every call of the class (one reading at a time per class): their tiles now. */
  private read(classId: string, floor: OpenFloor): Promise<FloorTile[]> {
    floor.reading ??= this.readCalls(classId, floor).finally(() => {
      floor.reading = null;
    });
    return floor.reading;
  }

  private async readCalls(classId: string, floor: OpenFloor): Promise<FloorTile[]> {
    if (floor.stale) {
      floor.stale = false;
      for (const call of await this.classroom.calls(classId)) {
        if (floor.watches.has(call.sessionId)) continue;
        const compiled = this.catalog.get(call.scenarioId, call.scenarioVersion);
        if (!compiled) continue;
        const pseudonyms = (role: string) =>
          call.members.filter((m) => m.role === role).map((m) => m.pseudonym);
        const watch = new CallWatch(
          {
            sessionId: call.sessionId,
            round: call.round,
            group: call.group,
            listener: pseudonyms('listener')[0] ?? null,
            callerActor: pseudonyms('callerActor')[0] ?? null,
            observers: pseudonyms('observer'),
          },
          compiled,
        );
        floor.watches.set(call.sessionId, {
          watch,
          title: compiled.scenario.title,
          sent: '',
          seed: call.seed,
          now: 0,
        });
      }
    }
    this.stats.readings += 1;
    const tiles: FloorTile[] = [];
    for (const [sessionId, watched] of floor.watches) {
      const { watch, title } = watched;
      const runtime = this.sessions.loaded(sessionId);
      if (runtime) {
        const snapshot = await runtime.snapshot('trainer', watch.lastSeq);
        if (snapshot.view.role === 'trainer') watch.absorb(snapshot.entries, snapshot.view as TrainerView);
        watched.now = runtime.now;
      } else {
        await this.readCold(sessionId, watched);
      }
      tiles.push(watch.tile(watched.now, title));
    }
    return tiles;
  }

  /**
   * A call not in memory: read again from its record only when the record grew (another process
   * holds it) — an idle call's record does not, so it costs one short query a reading. A call
   * never opened has no record yet: its tile says it is ringing.
   */
  private async readCold(sessionId: string, watched: Watched): Promise<void> {
    const { watch } = watched;
    const fresh = await this.timeline.read(sessionId, watch.lastSeq);
    if (fresh.length === 0) return;
    const entries = watch.lastSeq === 0 ? fresh : await this.timeline.read(sessionId);
    const compiled = watch.compiled;
    const cold = coldView(compiled, watched.seed, entries, watch.cast.callerActor !== null);
    this.stats.coldReadings += 1;
    watch.absorb(fresh, cold.view);
    watched.now = cold.t;
  }
}

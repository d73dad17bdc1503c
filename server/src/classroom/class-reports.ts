// Reads a class's calls for the group debrief and the export: each call's whole timeline, once
// per request (a class has tens of calls).
import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, failure } from '@ecoute/protocol';
import type { ClassDetail, Failure, GroupDebrief } from '@ecoute/protocol';
import { ScenarioCatalog } from '../scenarios/scenario-catalog.js';
import { TIMELINE_STORE } from '../timeline/timeline-store.js';
import type { TimelineStore } from '../timeline/timeline-store.js';
import { ClassStore } from './class-store.js';
import type { ClassCallState, ClassRecord } from './class-store.js';
import { groupDebrief, groupDebriefCall } from './group-debrief.js';
import type { ClassExport } from './group-debrief.js';

@Injectable()
export class ClassReports {
  constructor(
    @Inject(ClassStore) private readonly store: ClassStore,
    @Inject(ScenarioCatalog) private readonly catalog: ScenarioCatalog,
    @Inject(TIMELINE_STORE) private readonly timeline: TimelineStore,
  ) {}

  async debrief(record: ClassRecord, scenarioId: string): Promise<GroupDebrief | Failure> {
    const calls = (await this.store.calls(record.id)).filter((c) => c.scenarioId === scenarioId);
    const latest = calls.reduce((max, c) => Math.max(max, c.scenarioVersion), 0);
    const compiled = this.catalog.get(scenarioId, latest || undefined);
    if (!compiled || !record.scenarioIds.includes(scenarioId)) return failure(ErrorCode.ScenarioNotFound);
    const rows = [];
    for (const call of calls) {
      const own = this.catalog.get(call.scenarioId, call.scenarioVersion);
      if (own) rows.push(groupDebriefCall(own, call, await this.timeline.read(call.sessionId)));
    }
    return groupDebrief(record.id, compiled, rows);
  }

  async export(detail: ClassDetail): Promise<ClassExport> {
    const states = new Map((await this.store.calls(detail.classId)).map((c) => [c.sessionId, c]));
    const { calls, ...header } = detail;
    return {
      exportedAt: new Date().toISOString(),
      class: header,
      calls: await Promise.all(
        calls.map(async (call) => {
          const state: ClassCallState | undefined = states.get(call.sessionId);
          const compiled = state ? this.catalog.get(state.scenarioId, state.scenarioVersion) : undefined;
          const debrief =
            state && compiled
              ? groupDebriefCall(compiled, state, await this.timeline.read(call.sessionId))
              : null;
          // Role links are secrets: not in an export.
          return { ...call, trainerLink: null, observerLink: null, debrief };
        }),
      ),
    };
  }
}

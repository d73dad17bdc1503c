// The classroom's REST calls: the trainer's (their account's cookie) and a learner's join.
import type {
  ClassCreateRequest,
  ClassDetail,
  ClassJoined,
  ClassPlaceFreed,
  ClassSettings,
  ClassSummary,
  GroupDebrief,
  LaunchRoundRequest,
  RoundLaunched,
} from '@ecoute/protocol';
import { requestJson } from '../ui/requestJson.js';

const post = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) });
const at = (classId: string) => `/api/classes/${encodeURIComponent(classId)}`;

export const classroomApi = {
  list: () => requestJson<ClassSummary[]>('/api/classes'),
  create: (body: ClassCreateRequest) => requestJson<ClassSummary>('/api/classes', undefined, post(body)),
  detail: (classId: string) => requestJson<ClassDetail>(at(classId)),
  launch: (classId: string, body: LaunchRoundRequest) =>
    requestJson<RoundLaunched>(`${at(classId)}/rounds`, undefined, post(body)),
  settings: (classId: string, body: ClassSettings) =>
    requestJson<ClassSettings>(`${at(classId)}/settings`, undefined, {
      method: 'PUT',
      body: JSON.stringify(body),
    }),
  freePlace: (classId: string, learnerId: string) =>
    requestJson<ClassPlaceFreed>(`${at(classId)}/free-place`, undefined, post({ learnerId })),
  debrief: (classId: string, scenarioId: string) =>
    requestJson<GroupDebrief>(`${at(classId)}/debrief?scenarioId=${encodeURIComponent(scenarioId)}`),
  exportPath: (classId: string, format: 'json' | 'csv') => `${at(classId)}/export/${format}`,
  join: (code: string, pseudonym: string) =>
    requestJson<ClassJoined>('/api/class-join', undefined, post({ code, pseudonym })),
};

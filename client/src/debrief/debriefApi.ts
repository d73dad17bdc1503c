// The REST calls of the debrief and of the sessions list, each authorised by a token in
// `Authorization: Bearer` (a role link's token, or the admin token). Every answer is the data
// or a coded failure (the server's code, or a client code when the network failed).
import type {
  AnnotationCreate,
  CriterionJudgment,
  Debrief,
  DebriefCompact,
  DebriefMark,
  JudgmentRequest,
  SelfAssessment,
  SelfAssessmentRequest,
} from '@ecoute/protocol';
import { requestJson, type ApiResult } from '../ui/requestJson.js';
import { compactDebriefPath, debriefPath, takeArrived, takePrefetched } from './prefetchDebrief.js';
import { debriefOfColumns } from './timeline.js';

export type { ApiResult };

export interface DebriefApi {
  load(): Promise<ApiResult<Debrief>>;
  /**
   * The first load's answer if it is here already (started with the page, `prefetchDebrief`),
   * so the page shows it in its first render; the same each time it is asked, null otherwise.
   */
  arrived?(): ApiResult<Debrief> | null;
  addAnnotation(request: AnnotationCreate): Promise<ApiResult<DebriefMark>>;
  updateMark(markId: string, comment: string): Promise<ApiResult<DebriefMark>>;
  deleteMark(markId: string): Promise<ApiResult<{ ok: true }>>;
  judge(criterion: string, request: JudgmentRequest): Promise<ApiResult<CriterionJudgment>>;
  selfAssess(request: SelfAssessmentRequest): Promise<ApiResult<SelfAssessment>>;
  /** An export's file (JSON, xAPI), fetched with the token, as a Blob to save. */
  download(path: string): Promise<ApiResult<Blob>>;
  /** Sends the session's xAPI statements to the LRS the server is configured with. */
  sendToLrs(): Promise<ApiResult<{ sent: number }>>;
}

export function httpDebriefApi(sessionId: string, token: string): DebriefApi {
  const base = debriefPath(sessionId);
  const json = (body: unknown) => JSON.stringify(body);
  const decoded = (answer: ApiResult<DebriefCompact>): ApiResult<Debrief> =>
    answer.ok ? { ok: true, data: debriefOfColumns(answer.data) } : answer;
  let arrived: ApiResult<Debrief> | null | undefined;
  return {
    arrived: () => {
      if (arrived === undefined) {
        const answer = takeArrived<DebriefCompact>(compactDebriefPath(sessionId), token);
        arrived = answer ? decoded(answer) : null;
      }
      return arrived;
    },
    // The first load may have started with the app (`prefetchDebrief`). The answer's timeline
    // comes in columns (`DebriefCompact`), decoded here into typed arrays; the entries themselves
    // are built when first read (`debriefOfColumns`), after the lanes' first paint.
    load: async () => {
      const compact = compactDebriefPath(sessionId);
      const answer = await (takePrefetched<DebriefCompact>(compact, token) ??
        requestJson<DebriefCompact>(compact, token));
      return decoded(answer);
    },
    addAnnotation: (request) =>
      requestJson(`${base}/annotations`, token, { method: 'POST', body: json(request) }),
    updateMark: (markId, comment) =>
      requestJson(`${base}/annotations/${encodeURIComponent(markId)}`, token, {
        method: 'PUT',
        body: json({ comment }),
      }),
    deleteMark: (markId) =>
      requestJson(`${base}/annotations/${encodeURIComponent(markId)}`, token, { method: 'DELETE' }),
    judge: (criterion, request) =>
      requestJson(`${base}/judgments/${encodeURIComponent(criterion)}`, token, {
        method: 'PUT',
        body: json(request),
      }),
    selfAssess: (request) =>
      requestJson(`${base}/self-assessment`, token, { method: 'POST', body: json(request) }),
    sendToLrs: () =>
      requestJson(`/api/sessions/${encodeURIComponent(sessionId)}/export/xapi/send`, token, {
        method: 'POST',
      }),
    async download(path) {
      try {
        const response = await fetch(path, { headers: { Authorization: `Bearer ${token}` } });
        if (!response.ok) {
          const body = (await response.json().catch(() => null)) as { code?: unknown } | null;
          return { ok: false, code: typeof body?.code === 'string' ? body.code : 'server/internal' };
        }
        return { ok: true, data: await response.blob() };
      } catch {
        return { ok: false, code: 'client/network' };
      }
    },
  };
}

// The debrief's own records as the page edits them: marks (annotations, bookmarks' comments),
// the trainer's judgments and the learner's self-assessment, each sent through the API and, once
// accepted, kept in the debrief shown. Every action resolves to null or the failure's code (an
// annotation added: its id or the code).
import { useCallback, useMemo, useState } from 'react';
import type { Debrief, JudgmentRequest, SelfAssessmentRequest } from '@ecoute/protocol';
import type { DebriefApi } from './debriefApi.js';
import type { MarkActions } from './MarksPanel.js';

export function useDebriefRecords(initial: Debrief, api: DebriefApi) {
  const [debrief, setDebrief] = useState(initial);

  const markActions = useMemo<MarkActions>(
    () => ({
      add: async (time, comment) => {
        const result = await api.addAnnotation({ t: time, comment });
        if (!result.ok) return { code: result.code };
        setDebrief((d) => ({ ...d, marks: [...(d.marks ?? []), result.data].sort((a, b) => a.t - b.t) }));
        return { id: result.data.id };
      },
      update: async (markId, comment) => {
        const result = await api.updateMark(markId, comment);
        if (!result.ok) return result.code;
        setDebrief((d) => ({ ...d, marks: (d.marks ?? []).map((m) => (m.id === markId ? result.data : m)) }));
        return null;
      },
      remove: async (markId) => {
        const result = await api.deleteMark(markId);
        if (!result.ok) return result.code;
        setDebrief((d) => ({ ...d, marks: (d.marks ?? []).filter((m) => m.id !== markId) }));
        return null;
      },
    }),
    [api],
  );

  const judge = useCallback(
    async (criterion: string, request: JudgmentRequest): Promise<string | null> => {
      const result = await api.judge(criterion, request);
      if (!result.ok) return result.code;
      setDebrief((d) => ({
        ...d,
        judgments: [...(d.judgments ?? []).filter((j) => j.criterion !== criterion), result.data],
      }));
      return null;
    },
    [api],
  );

  const selfAssess = useCallback(
    async (request: SelfAssessmentRequest): Promise<string | null> => {
      const result = await api.selfAssess(request);
      if (!result.ok) return result.code;
      // Now the trainer's judgments and marks may be read: fetch them.
      const fresh = await api.load();
      setDebrief(fresh.ok ? fresh.data : (d) => ({ ...d, selfAssessment: result.data }));
      return null;
    },
    [api],
  );

  return { debrief, markActions, judge, selfAssess };
}

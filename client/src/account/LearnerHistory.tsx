// On a learner's debrief (the listener's link): their own past sessions in the organisation
// (same pseudonym), nothing else — GET /api/sessions/:id/learner-history with their token.
import { joinParts } from '../i18n/joinParts.js';
import { useEffect, useState } from 'react';
import type { LearnerHistoryItem } from '@ecoute/protocol';
import { useI18n } from '../i18n/index.js';
import { formatDate } from '../i18n/formatDate.js';
import { requestJson } from '../ui/requestJson.js';

export function LearnerHistory({ sessionId, token }: { sessionId: string; token: string }) {
  const { t } = useI18n();
  const [items, setItems] = useState<LearnerHistoryItem[]>([]);
  useEffect(() => {
    void requestJson<LearnerHistoryItem[]>(
      `/api/sessions/${encodeURIComponent(sessionId)}/learner-history`,
      token,
    ).then((result) => {
      if (result.ok) setItems(result.data);
    });
  }, [sessionId, token]);
  if (items.length < 2) return null;
  return (
    <section className="panel learner-history" aria-labelledby="learner-history-heading">
      <h2 id="learner-history-heading">{t('account.history.heading')}</h2>
      <ul>
        {items.map((item) => (
          <li key={item.sessionId} aria-current={item.current ? 'true' : undefined}>
            {joinParts(t, [formatDate(t, item.createdAt), item.scenarioTitle], 'dash')}
            {item.current ? ` ${t('account.history.current')}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}

// The group debrief: the calls of one scenario side by side — the paths drawn together on the
// state graph (lazy drawing; the transitions with their number of calls are its text form), the
// measures in one table and the rubric per call; each cell opens that call's debrief at that
// moment (`/debrief/<id>?seq=<n>`, signed in: no token).
import { useMemo } from 'react';
import type { GroupDebrief, GroupDebriefCall, MeasuredSpan, MomentRef } from '@ecoute/protocol';
import type { TimelineEntry } from '@ecoute/engine';
import { GraphPanel } from '../charts/GraphPanel.js';
import { useI18n } from '../i18n/index.js';
import { formatDuration } from '../ui/formatDuration.js';

const momentLink = (sessionId: string, at: MomentRef | null | undefined) =>
  `/debrief/${encodeURIComponent(sessionId)}${at ? `?seq=${at.seq}` : ''}`;

export function GroupDebriefView({ debrief }: { debrief: GroupDebrief }) {
  const { t } = useI18n();
  const label = (id: string) => debrief.graph.nodes.find((n) => n.id === id)?.label ?? id;
  // Every call's path as state entries, one call after another: the graph marks what was visited
  // and taken by any of them.
  const entries = useMemo<TimelineEntry[]>(
    () =>
      debrief.calls.flatMap((call) =>
        call.path.map((step): TimelineEntry => ({
          seq: step.at.seq,
          t: step.at.t,
          at: '',
          source: 'system',
          kind: 'observation',
          observation: { kind: 'state', states: [step.state] },
        })),
      ),
    [debrief],
  );
  const callName = (call: GroupDebriefCall) =>
    t('classroom.debrief.call', {
      group: call.group,
      round: call.round,
      name: call.listener ?? t('ui.none'),
    });
  const span = (call: GroupDebriefCall, value: MeasuredSpan | null) =>
    value ? (
      <a href={momentLink(call.sessionId, value.to)}>{formatDuration(value.ms)}</a>
    ) : (
      t('classroom.debrief.none')
    );
  const criteria = debrief.calls[0]?.rubric ?? [];
  return (
    <div className="group-debrief">
      <GraphPanel graph={debrief.graph} states={[]} entries={entries} />
      <section aria-labelledby="gd-transitions">
        <h3 id="gd-transitions">{t('classroom.debrief.transitions')}</h3>
        <ul>
          {debrief.transitions.map((tr) => (
            <li key={`${tr.from}>${tr.to}`}>
              {t('classroom.debrief.transition', { from: label(tr.from), to: label(tr.to), count: tr.calls })}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="gd-measures" className="group-debrief__table">
        <h3 id="gd-measures">{t('classroom.debrief.measures')}</h3>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('classroom.debrief.col.call')}</th>
              <th scope="col">{t('classroom.debrief.col.pickup')}</th>
              <th scope="col">{t('classroom.debrief.col.openQuestion')}</th>
              <th scope="col">{t('classroom.debrief.col.alert')}</th>
              <th scope="col">{t('classroom.debrief.col.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {debrief.calls.map((call) => (
              <tr key={call.sessionId}>
                <th scope="row">
                  <a href={momentLink(call.sessionId, null)}>{callName(call)}</a>
                </th>
                <td>{span(call, call.measures.timeToPickup)}</td>
                <td>{span(call, call.measures.timeToFirstOpenQuestion)}</td>
                <td>{span(call, call.measures.timeToAlertColleague)}</td>
                <td>
                  {call.measures.outcome ? (
                    <a href={momentLink(call.sessionId, call.measures.outcome.at)}>
                      {call.measures.outcome.outcome
                        ? t(`outcome.${call.measures.outcome.outcome}`)
                        : call.measures.outcome.message}
                    </a>
                  ) : (
                    t('classroom.debrief.none')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {criteria.length > 0 && (
        <section aria-labelledby="gd-rubric" className="group-debrief__table">
          <h3 id="gd-rubric">{t('classroom.debrief.rubric')}</h3>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('classroom.debrief.col.call')}</th>
                {criteria.map((c) => (
                  <th scope="col" key={c.criterion}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {debrief.calls.map((call) => (
                <tr key={call.sessionId}>
                  <th scope="row">{callName(call)}</th>
                  {call.rubric.map((c) => {
                    const word = !c.assessed
                      ? t('classroom.debrief.notAssessed')
                      : c.met
                        ? t('classroom.debrief.met')
                        : t('classroom.debrief.notMet');
                    return (
                      <td key={c.criterion}>
                        {c.evidence ? <a href={momentLink(call.sessionId, c.evidence)}>{word}</a> : word}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}

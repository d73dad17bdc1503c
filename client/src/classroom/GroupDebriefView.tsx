// The group debrief: the calls of one scenario side by side — the paths drawn together on the
// state graph (lazy drawing), each edge with the number of calls that took it (`graph.edgeCalls.*`, and
// thicker as more did), one call's path highlighted on demand; the transitions' table is the
// graph's text form (from, when — in a trainer's words, `edgeWords.ts` —, to, how many calls). Then the measures in one table and the
// rubric per call; each cell opens that call's debrief at that moment (`/debrief/<id>?seq=<n>`,
// signed in: no token).
import { useId, useMemo, useState } from 'react';
import type { TimelineEntry } from '@ecoute/engine';
import type { GroupDebrief, GroupDebriefCall, MeasuredSpan, MomentRef } from '@ecoute/protocol';
import { GraphPanel } from '../charts/GraphPanel.js';
import { formatSpan } from '../i18n/formatSpan.js';
import { useI18n } from '../i18n/index.js';
import { ScrollTable } from '../ui/ScrollTable.js';
import { edgeWhenWords } from './edgeWords.js';
import { edgeCallCounts, groupHighlight } from './groupGraph.js';
import { ScenarioText } from '../i18n/ScenarioText.js';
import { endingMessage } from '../ui/describeEntry.js';

const NO_STATES: readonly string[] = [];
const NO_ENTRIES: readonly TimelineEntry[] = [];

const momentLink = (sessionId: string, at: MomentRef | null | undefined) =>
  `/debrief/${encodeURIComponent(sessionId)}${at ? `?seq=${at.seq}` : ''}`;

export function GroupDebriefView({ debrief }: { debrief: GroupDebrief }) {
  const { t, lang } = useI18n();
  const pickId = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  const label = (id: string | null) =>
    id === ''
      ? t('classroom.debrief.anyState')
      : id === null
        ? t('classroom.debrief.stays')
        : (debrief.graph.nodes.find((n) => n.id === id)?.label ?? t('ui.none'));
  const when = (edge: string) => {
    const found = debrief.graph.edges.find((e) => e.id === edge);
    if (!found) return t('ui.none');
    return found.text ? edgeWhenWords(lang, found.text) : found.label;
  };
  const counts = useMemo(() => edgeCallCounts(debrief), [debrief]);
  const highlight = useMemo(() => groupHighlight(debrief, chosen), [debrief, chosen]);
  const chosenCall = debrief.calls.find((call) => call.sessionId === chosen) ?? null;
  const timesIn = (call: GroupDebriefCall, edge: string) =>
    call.transitions.find((taken) => taken.edge === edge)?.times ?? 0;
  const callName = (call: GroupDebriefCall) =>
    t('classroom.debrief.call', {
      group: call.group,
      round: call.round,
      name: call.listener ?? t('ui.none'),
    });
  const span = (call: GroupDebriefCall, value: MeasuredSpan | null) =>
    value ? (
      <a href={momentLink(call.sessionId, value.to)}>{formatSpan(t, value.ms)}</a>
    ) : (
      t('classroom.debrief.none')
    );
  const criteria = debrief.calls[0]?.rubric ?? [];
  return (
    <div className="group-debrief">
      <p className="group-debrief__highlight">
        <label htmlFor={pickId}>{t('classroom.debrief.highlight')}</label>{' '}
        <select id={pickId} value={chosen ?? ''} onChange={(event) => setChosen(event.target.value || null)}>
          <option value="">{t('classroom.debrief.allCalls')}</option>
          {debrief.calls.map((call) => (
            <option key={call.sessionId} value={call.sessionId}>
              {callName(call)}
            </option>
          ))}
        </select>
      </p>
      <GraphPanel
        graph={debrief.graph}
        states={NO_STATES}
        entries={NO_ENTRIES}
        highlight={highlight}
        counts={counts}
      />
      <section aria-labelledby="gd-transitions" className="group-debrief__table">
        <h3 id="gd-transitions">{t('classroom.debrief.transitions')}</h3>
        <ScrollTable name={t('classroom.debrief.transitions')}>
          <table aria-labelledby="gd-transitions">
            <thead>
              <tr>
                <th scope="col">{t('classroom.debrief.col.from')}</th>
                <th scope="col">{t('classroom.debrief.col.when')}</th>
                <th scope="col">{t('classroom.debrief.col.to')}</th>
                <th scope="col">{t('classroom.debrief.col.calls')}</th>
                {chosenCall && <th scope="col">{t('classroom.debrief.col.selected')}</th>}
              </tr>
            </thead>
            <tbody>
              {debrief.transitions.map((edge) => (
                <tr key={edge.edge}>
                  <td>{label(edge.from)}</td>
                  <td>{when(edge.edge)}</td>
                  <td>{label(edge.to)}</td>
                  <td>{edge.calls}</td>
                  {chosenCall && <td>{timesIn(chosenCall, edge.edge) || t('classroom.debrief.none')}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      </section>
      <section aria-labelledby="gd-measures" className="group-debrief__table">
        <h3 id="gd-measures">{t('classroom.debrief.measures')}</h3>
        <ScrollTable name={t('classroom.debrief.measures')}>
          <table aria-labelledby="gd-measures">
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
                        {call.measures.outcome.outcome ? (
                          t(`outcome.${call.measures.outcome.outcome}`)
                        ) : call.measures.outcome.ending === null ? (
                          endingMessage(t, call.measures.outcome)
                        ) : (
                          <ScenarioText>{call.measures.outcome.message}</ScenarioText>
                        )}
                      </a>
                    ) : (
                      t('classroom.debrief.none')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      </section>
      {criteria.length > 0 && (
        <section aria-labelledby="gd-rubric" className="group-debrief__table">
          <h3 id="gd-rubric">{t('classroom.debrief.rubric')}</h3>
          <ScrollTable name={t('classroom.debrief.rubric')}>
            <table aria-labelledby="gd-rubric">
              <thead>
                <tr>
                  <th scope="col">{t('classroom.debrief.col.call')}</th>
                  {criteria.map((c) => (
                    <th scope="col" key={c.criterion}>
                      <ScenarioText>{c.label}</ScenarioText>
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
          </ScrollTable>
        </section>
      )}
    </div>
  );
}

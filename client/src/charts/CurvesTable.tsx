// The curves' data as a table: the text alternative of the drawing (one row per change, one
// column per variable). Drawn only when opened: a long call has thousands of changes.
import { useId, useState } from 'react';
import { useI18n } from '../i18n/index.js';
import { formatBound } from './curveScale.js';
import './charts.css';
import { ScenarioText } from '../i18n/ScenarioText.js';

export interface CurvesTableSeries {
  id: string;
  label: string;
  min: number;
  max: number;
  values: readonly number[];
}

export function CurvesTable({
  times,
  series,
  formatTime,
}: {
  /** Time of each row, as the caller of the table counts it (formatted by `formatTime`). */
  times: readonly number[];
  series: readonly CurvesTableSeries[];
  formatTime: (time: number) => string;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const captionId = useId();
  return (
    <details className="curves-table" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('curves.table')}</summary>
      {open ? (
        <div className="curves-table__scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
          <table>
            <caption id={captionId}>{t('curves.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('curves.tableTime')}</th>
                {series.map((s) => (
                  <th key={s.id} scope="col">
                    <ScenarioText>{s.label}</ScenarioText>{' '}
                    <span className="curves-table__range">
                      {t('curves.range', { min: formatBound(s.min), max: formatBound(s.max) })}
                    </span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {times.map((time, row) => (
                <tr key={`${row}-${time}`}>
                  <th scope="row">{formatTime(time)}</th>
                  {series.map((s) => (
                    <td key={s.id}>
                      {t('trainer.variables.value', { value: s.values[row] ?? t('ui.none'), max: s.max })}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </details>
  );
}

/** Series with their own change times, as rows on the union of those times (each value held). */
export function alignSeries(
  series: readonly {
    id: string;
    label: string;
    min: number;
    max: number;
    times: readonly number[];
    values: readonly number[];
  }[],
): { times: number[]; series: CurvesTableSeries[] } {
  const times = [...new Set(series.flatMap((s) => s.times))].sort((a, b) => a - b);
  return {
    times,
    series: series.map((s) => {
      let j = 0;
      const values = times.map((time) => {
        while (j + 1 < s.times.length && (s.times[j + 1] ?? Infinity) <= time) j += 1;
        return s.values[j] ?? 0;
      });
      return { id: s.id, label: s.label, min: s.min, max: s.max, values };
    }),
  };
}

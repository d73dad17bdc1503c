import { curveStyle } from './curveStyle.js';
import './charts.css';

/** A series' legend key: its dash, drawn with the text's colour under forced colours. */
export function SeriesKey({ index }: { index: number }) {
  const style = curveStyle(index);
  return (
    <svg
      className="series-key"
      width="28"
      height="8"
      viewBox="0 0 28 8"
      aria-hidden="true"
      style={{ color: style.colour }}
    >
      <line
        x1="0"
        y1="4"
        x2="28"
        y2="4"
        stroke="currentColor"
        strokeWidth="3"
        strokeDasharray={style.dash.length ? style.dash.join(' ') : undefined}
      />
    </svg>
  );
}

// The studio's two columns: the forms first with the call's text folded under them (`TextFold`),
// beside the state graph; one column on a narrow screen (editor.css). While a test plays, the
// graph is what the author watches: first (in the page's order, so in the focus order too) and
// across the page's width, its ways out side by side.
import { Fragment, type ReactNode } from 'react';

export function StudioPanes({
  forms,
  text,
  graph,
  playing,
}: {
  /** The forms (null: a read-only call, which has none). */
  forms: ReactNode;
  text: ReactNode;
  graph: ReactNode;
  playing: boolean;
}) {
  const main = (
    <div key="main" className="studio__main">
      {forms}
      {text}
    </div>
  );
  const drawn = <Fragment key="graph">{graph}</Fragment>;
  return (
    <div className={playing ? 'studio__panes studio__panes--playing' : 'studio__panes'}>
      {playing ? [drawn, main] : [main, drawn]}
    </div>
  );
}

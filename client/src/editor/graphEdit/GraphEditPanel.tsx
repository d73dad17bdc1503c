// The graph's edits, each with its keyboard path: `studio.graph.addState`, `studio.graph.addTransition`
// (also opened by drawing an edge between two states on the graph), `studio.graph.editState`
// (rename, delete with its references). Results are said in a polite live region.
import { useEffect, useId, useState, type Ref } from 'react';
import type { ScenarioGraph } from '@ecoute/engine';
import { useI18n } from '../../i18n/index.js';
import type { Plain, YamlEdit } from '../forms/formTypes.js';
import { AddStateForm } from './AddStateForm.js';
import { AddTransitionForm, type TransitionDraft, type TransitionEditing } from './AddTransitionForm.js';
import { StateEditForm } from './StateEditForm.js';

export interface StateChoice {
  id: string;
  label: string;
  type: ScenarioGraph['nodes'][number]['type'];
}

export function GraphEditPanel({
  data,
  text,
  edit,
  graph,
  drawn,
  selected,
  onSelect,
  headingRef,
  stateSelectRef,
}: {
  data: Plain;
  text: string;
  edit: YamlEdit;
  graph: ScenarioGraph | null;
  drawn: TransitionDraft | null;
  selected: string;
  onSelect(state: string): void;
  /** The page's link to the graph's edits (studio.noYaml.graph) brings the focus here. */
  headingRef?: Ref<HTMLHeadingElement>;
  /** « Modifier un état »'s choice of state: where `editor.issues.goForm` brings the focus. */
  stateSelectRef?: Ref<HTMLSelectElement>;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const [said, setSaid] = useState('');
  const [editing, setEditing] = useState<TransitionEditing | null>(null);
  // An edge drawn on the graph is a new transition: it ends an edit in progress.
  useEffect(() => {
    if (drawn) setEditing(null);
  }, [drawn]);
  const states: StateChoice[] = (graph?.nodes ?? []).map((n) => ({ id: n.id, label: n.label, type: n.type }));
  return (
    <section className="studio-graph-edit" aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('studio.graph.heading')}
      </h3>
      <p role="status" className="studio__status">
        {said}
      </p>
      <AddStateForm data={data} edit={edit} states={states} onAdded={setSaid} />
      <AddTransitionForm
        data={data}
        edit={edit}
        states={states}
        drawn={drawn}
        editing={editing}
        onEditDone={() => setEditing(null)}
        onAdded={setSaid}
      />
      <StateEditForm
        data={data}
        text={text}
        edit={edit}
        states={states}
        selected={selected}
        onSelect={onSelect}
        selectRef={stateSelectRef}
        onDone={setSaid}
        onEditTransition={(source, path, written) =>
          setEditing((before) => ({ source, path, written, n: (before?.n ?? 0) + 1 }))
        }
      />
    </section>
  );
}

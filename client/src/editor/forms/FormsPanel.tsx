// `studio.forms.heading`: the call for people who do not write YAML. One tab per part of the call; each
// edit is written into the text (the source of truth) through the Document API, at once and as
// one undoable step of the editor.
import { useId, type ReactNode, type Ref } from 'react';
import { useI18n } from '../../i18n/index.js';
import { Tabs } from '../../ui/Tabs.js';
import { EndingsForm, InjectsForm, LinesForm, MovesForm, VariablesForm } from './CallTables.js';
import type { Plain, YamlEdit } from './formTypes.js';
import type { FormTab } from '../issues/issuePlace.js';
import { PersonaForm } from './PersonaForm.js';
import { RubricForm } from './RubricForm.js';

export function FormsPanel({
  data,
  edit,
  states,
  headingRef,
  tab,
  onTab,
  toGraph,
}: {
  data: Plain | null;
  edit: YamlEdit;
  states: { id: string; label: string }[];
  /** Brings the focus here (a link to the forms). */
  headingRef?: Ref<HTMLHeadingElement>;
  /** After the intro: the page's way to the graph's edits (`studio.noYaml.graph`). */
  toGraph?: ReactNode;
  /** The tab shown, when the page chooses it (an issue mended in the forms: `editor.issues.goForm`). */
  tab?: FormTab | undefined;
  onTab?: ((tab: FormTab) => void) | undefined;
}) {
  const { t } = useI18n();
  const headingId = useId();
  return (
    <section className="studio-forms" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('studio.forms.heading')}
      </h2>
      {toGraph ? <p className="studio-forms__to-graph">{toGraph}</p> : null}
      {data ? (
        <Tabs
          label={t('studio.forms.tabs')}
          className="studio-forms__tabs"
          {...(tab ? { selected: tab } : {})}
          {...(onTab ? { onSelect: (id: string) => onTab(id as FormTab) } : {})}
          items={[
            {
              id: 'persona',
              label: t('studio.forms.persona'),
              content: <PersonaForm data={data} edit={edit} />,
            },
            {
              id: 'variables',
              label: t('studio.forms.variables'),
              content: <VariablesForm data={data} edit={edit} />,
            },
            {
              id: 'lines',
              label: t('studio.forms.lines'),
              content: <LinesForm data={data} edit={edit} states={states} />,
            },
            {
              id: 'moves',
              label: t('studio.forms.moves'),
              content: <MovesForm data={data} edit={edit} states={states} />,
            },
            {
              id: 'injects',
              label: t('studio.forms.injects'),
              content: <InjectsForm data={data} edit={edit} states={states} />,
            },
            {
              id: 'endings',
              label: t('studio.forms.endings'),
              content: <EndingsForm data={data} edit={edit} />,
            },
            {
              id: 'rubric',
              label: t('studio.forms.rubric'),
              content: <RubricForm data={data} edit={edit} states={states} />,
            },
          ]}
        />
      ) : (
        <p role="alert">{t('studio.forms.unreadable')}</p>
      )}
    </section>
  );
}

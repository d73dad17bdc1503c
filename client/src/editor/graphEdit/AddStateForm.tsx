// `studio.graph.addState`: its name, where it sits, whether the call ends there (and with which
// ending), the line the caller says on entering it; or a parallel state with its regions
// (each named in words, all active together). The keyboard path of adding a node.
import { useId, useRef, useState } from 'react';
import { useI18n } from '../../i18n/index.js';
import { idFrom } from '../yamlEdit/document.js';
import { addState, stateDocPath } from '../yamlEdit/machineEdit.js';
import { shortText, tableOf, type Plain, type YamlEdit } from '../forms/formTypes.js';
import type { StateChoice } from './GraphEditPanel.js';

export function AddStateForm({
  data,
  edit,
  states,
  onAdded,
}: {
  data: Plain;
  edit: YamlEdit;
  states: StateChoice[];
  onAdded(message: string): void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [label, setLabel] = useState('');
  const [missing, setMissing] = useState(false);
  const labelRef = useRef<HTMLInputElement>(null);
  const [parent, setParent] = useState('');
  const [final, setFinal] = useState(false);
  const [line, setLine] = useState('');
  const [ending, setEnding] = useState('');
  const [parallel, setParallel] = useState(false);
  const [regions, setRegions] = useState<string[]>(['', '']);
  const lines = tableOf(data, 'lines');
  const endings = tableOf(data, 'endings');
  const parents = states.filter((s) => s.type !== 'final');
  // A line or an ending chosen before and deleted since is no choice any more.
  const chosenLine = lines.some(([key]) => key === line) ? line : '';
  const chosenEnding = endings.some(([key]) => key === ending) ? ending : '';
  return (
    <form
      className="studio-graph-form"
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        const words = label.trim();
        if (!words) {
          setMissing(true);
          labelRef.current?.focus();
          return;
        }
        setMissing(false);
        edit((doc) => {
          const siblings = doc.getIn([...stateDocPath(parent), 'states']);
          const taken =
            siblings && typeof siblings === 'object' && 'items' in siblings
              ? (siblings as { items: { key: unknown }[] }).items.map((p) =>
                  String((p.key as { value?: unknown }).value ?? p.key),
                )
              : [];
          const name = idFrom(words, taken, 'etat');
          const regionNames: string[] = [];
          const chosenRegions = parallel
            ? regions
                // A region left unnamed is still a region, named by its rank.
                .map((r, i) => r.trim() || t('studio.graph.regionDefault', { n: i + 1 }))
                .map((label) => {
                  const region = idFrom(label, regionNames, 'region');
                  regionNames.push(region);
                  return { name: region, label };
                })
            : undefined;
          const path = addState(doc, parent, name, {
            label: words,
            final: final && !parallel,
            regions: chosenRegions,
          });
          const entry = [
            ...(chosenLine ? [{ type: 'say', params: { line: chosenLine } }] : []),
            ...(final && !parallel && chosenEnding
              ? [{ type: 'end', params: { ending: chosenEnding } }]
              : []),
          ];
          if (entry.length > 0)
            doc.setIn(
              [...stateDocPath(path), 'entry'],
              doc.createNode(entry.length === 1 ? entry[0] : entry, { flow: entry.length === 1 }),
            );
        });
        onAdded(t('studio.graph.stateAdded', { state: words }));
        setLabel('');
        setLine('');
        setFinal(false);
        setEnding('');
        setParallel(false);
        setRegions(['', '']);
      }}
    >
      <h4 id={`${id}-h`}>{t('studio.graph.addState')}</h4>
      <div className="studio-field">
        <label htmlFor={`${id}-label`}>{t('studio.graph.stateName')}</label>
        <input
          id={`${id}-label`}
          ref={labelRef}
          type="text"
          value={label}
          aria-invalid={missing || undefined}
          aria-describedby={missing ? `${id}-label-error` : undefined}
          onChange={(e) => {
            setLabel(e.target.value);
            if (e.target.value.trim()) setMissing(false);
          }}
        />
        {missing ? (
          <p id={`${id}-label-error`} className="studio-field__error" role="alert">
            {t('studio.graph.stateNameRequired')}
          </p>
        ) : null}
      </div>
      <div className="studio-field">
        <label htmlFor={`${id}-parent`}>{t('studio.graph.parent')}</label>
        <select id={`${id}-parent`} value={parent} onChange={(e) => setParent(e.target.value)}>
          <option value="">{t('studio.graph.topLevel')}</option>
          {parents.map((s) => (
            <option key={s.id} value={s.id}>
              {t('studio.graph.inside', { state: s.label })}
            </option>
          ))}
        </select>
      </div>
      <div className="studio-field">
        <label htmlFor={`${id}-line`}>{t('studio.graph.entryLine')}</label>
        <select id={`${id}-line`} value={chosenLine} onChange={(e) => setLine(e.target.value)}>
          <option value="">{t('studio.forms.none')}</option>
          {lines.map(([key, l]) => (
            <option key={key} value={key}>
              {shortText(l['text'])}
            </option>
          ))}
        </select>
      </div>
      <label className="studio-check">
        <input type="checkbox" checked={parallel} onChange={(e) => setParallel(e.target.checked)} />{' '}
        {t('studio.graph.parallel')}
      </label>
      {parallel ? (
        <fieldset className="studio-picker">
          <legend>{t('studio.graph.regions')}</legend>
          <p className="muted" id={`${id}-regions-hint`}>
            {t('studio.graph.regionsHint')}
          </p>
          {regions.map((region, i) => (
            <div className="studio-field" key={i}>
              <label htmlFor={`${id}-region-${i}`}>{t('studio.graph.regionName', { n: i + 1 })}</label>
              <input
                id={`${id}-region-${i}`}
                type="text"
                value={region}
                placeholder={t('studio.graph.regionDefault', { n: i + 1 })}
                aria-describedby={i === 0 ? `${id}-regions-hint` : undefined}
                onChange={(e) => setRegions((list) => list.map((r, k) => (k === i ? e.target.value : r)))}
              />
            </div>
          ))}
          <button type="button" onClick={() => setRegions((list) => [...list, ''])}>
            {t('studio.graph.addRegion')}
          </button>
        </fieldset>
      ) : (
        <label className="studio-check">
          <input type="checkbox" checked={final} onChange={(e) => setFinal(e.target.checked)} />{' '}
          {t('studio.graph.final')}
        </label>
      )}
      {final && !parallel ? (
        <div className="studio-field">
          <label htmlFor={`${id}-ending`}>{t('studio.graph.ending')}</label>
          <select id={`${id}-ending`} value={chosenEnding} onChange={(e) => setEnding(e.target.value)}>
            <option value="">{t('studio.forms.none')}</option>
            {endings.map(([key, en]) => (
              <option key={key} value={key}>
                {shortText(en['message'])}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <button type="submit">{t('studio.graph.addState')}</button>
    </form>
  );
}

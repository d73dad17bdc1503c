// The studio's forms against a real text, for their tests: every edit goes through the Document API
// into the YAML (`Harness` holds the text as the editor would: `current`), and the forms read it
// back. UI words come from the French catalogue (`fr_`, `lead`, `named`, `queried`).
import { useState } from 'react';
import { parseScenario, scenarioGraphModel } from '@ecoute/engine';
import { GraphEditPanel } from '../editor/graphEdit/GraphEditPanel.js';
import { FormsPanel } from '../editor/forms/FormsPanel.js';
import type { YamlEdit } from '../editor/forms/formTypes.js';
import { editYaml, plainOf } from '../editor/yamlEdit/document.js';
import { translate } from '../i18n/catalogue.js';
import { fr } from '../i18n/fr.js';

/** A UI word from the French catalogue. */
export const fr_ = (key: Parameters<typeof translate>[1]) => translate('fr', key);
/** The catalogue text of `key` before its first placeholder (a name's fixed start). */
export const lead = (key: keyof typeof fr) => fr[key].split('{')[0]!.replace(/[\s:\u00a0]+$/, '');
/** An accessible name that starts as the catalogue's `key` does and holds each of `parts`. */
export const named =
  (key: keyof typeof fr, ...parts: string[]) =>
  (name: string) =>
    name.startsWith(lead(key)) && parts.every((part) => name.includes(part));
/** The same, as testing-library's queries read it (no-break spaces as ordinary ones). */
export const queried = (key: Parameters<typeof translate>[1]) => fr_(key).replace(/\u00a0/g, ' ');

export const BLANK = `# Un commentaire qui doit rester.
id: essai
version: 1
title: Essai
summary: Un appel d'essai.
difficulty: easy
durationMinutes: 5
persona:
  name: Camille
  age: 40
  place: Lyon
  voice: { lang: fr-FR, rate: 1, pitch: 1 }
  background: Seule.
variables:
  confiance: { label: Confiance, min: 0, max: 10, initial: 5 }
lines:
  bonjour: { text: "Allô ? Bonjour." }
moves:
  se_presenter: { label: Se présenter, category: listening, help: Dire son prénom. }
endings:
  aidee: { outcome: best, message: Aidée. }
hangupEnding: aidee
rubric:
  - id: accueil
    label: Accueil
    criteria:
      - { id: se_presente, label: Se présente, auto: { move: se_presenter } }
machine:
  id: appel
  initial: accueil
  states:
    accueil:
      label: Accueil
      entry: { type: say, params: { line: bonjour } }
      on:
        se_presenter: fin
    fin:
      label: Fin
      type: final
      entry: { type: end, params: { ending: aidee } }
`;

/** The text as the harness holds it now (the editor's text after each edit). */
export let current = BLANK;
export function Harness({ graphToo = false, initial = BLANK }: { graphToo?: boolean; initial?: string }) {
  const [text, setText] = useState(initial);
  current = text;
  const edit: YamlEdit = (change) => setText((before) => editYaml(before, change));
  const data = plainOf(text);
  const parsed = parseScenario(text);
  const graph = parsed.ok ? scenarioGraphModel(parsed.scenario) : null;
  const [selected, setSelected] = useState('');
  return graphToo ? (
    <GraphEditPanel
      data={data ?? {}}
      text={text}
      edit={edit}
      graph={graph}
      drawn={null}
      selected={selected}
      onSelect={setSelected}
    />
  ) : (
    <FormsPanel
      data={data}
      edit={edit}
      states={graph?.nodes.map((n) => ({ id: n.id, label: n.label })) ?? []}
    />
  );
}

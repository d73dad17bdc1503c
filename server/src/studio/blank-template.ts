// The blank template of a new call: the smallest call that lints without errors and can be
// test-played to an ending (a greeting, one move with its example phrases for free speech, one
// ending), with comments that say where to go on. The studio's forms and graph grow it from there.
// Its French texts keep French typography (a no-break space before « : ? ! ; » — `\u00a0` here —
// and inside « »), as the built-in calls do: a test-play speaks them as written.
// Its placeholders (the summary, the caller and their story) are the engine's
// `BLANK_TEMPLATE_TEXTS`: the lint warns about each one left (`lint/template_text`), so that a
// call is not published still saying « À décrire ».
import { BLANK_TEMPLATE_TEXTS } from '@ecoute/engine';

const { summary, background, persona } = BLANK_TEMPLATE_TEXTS;

export function blankScenarioYaml(id: string, title: string): string {
  return `# yaml-language-server: $schema=./scenario.schema.json
# Nouvel appel\u00a0: complétez la personne, les répliques, les actions et la machine.
id: ${id}
version: 1
title: ${JSON.stringify(title)}
summary: ${JSON.stringify(summary)}
difficulty: easy
durationMinutes: 10
persona:
  name: ${persona.name}
  age: ${persona.age}
  place: ${persona.place}
  voice: { lang: fr-FR, rate: 1, pitch: 1 }
  background: ${JSON.stringify(background)}
variables:
  confiance: { label: Confiance, min: 0, max: 10, initial: 5 }
lines:
  bonjour: { text: "Allô\u00a0? Bonjour, j'ai besoin d'aide." }
  merci: { text: "Merci, au revoir." }
moves:
  se_presenter:
    label: Se présenter
    category: listening
    help: Dire son prénom et la ligne d'assistance.
    # En parole libre, ce que l'écoutant·e dit est reconnu d'après ces phrases\u00a0: quelques-unes par action.
    examples:
      - "Bonjour, je m'appelle Sam, de la ligne d'assistance."
      - "Ici Sam, de la ligne d'aide\u00a0: je vous écoute."
endings:
  aidee: { outcome: best, message: La personne a été écoutée et aidée. }
  raccroche: { outcome: failure, message: La personne a raccroché. }
hangupEnding: raccroche
rubric:
  - id: accueil
    label: Accueil
    criteria:
      - { id: se_presente, label: Se présente, auto: { move: se_presenter } }
      - { id: confiance_finale, label: La confiance est restée, auto: { variable: confiance, min: 5 } }
# Où l'appel entre dans le vif du sujet\u00a0: les critères «\u00a0ne pas…\u00a0» ne comptent qu'une fois là.
substance: { reached: [fin] }
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
      label: Fin de l'appel
      type: final
      entry:
        - { type: say, params: { line: merci } }
        - { type: end, params: { ending: aidee } }
`;
}

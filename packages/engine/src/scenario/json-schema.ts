// The JSON Schema of scenario files, for editors (yaml-language-server) and the web editor.
// scenarios/scenario.schema.json is this function's output; a test keeps them equal.
import { z } from 'zod';
import { playThroughFileSchema, playThroughStepSchema, stepExpectSchema } from '../tools/play-throughs.js';
import {
  actionSchema,
  autoCriterionSchema,
  competencySchema,
  criterionSchema,
  guardSchema,
  machineSchema,
  scenarioSchema,
  sinceSchema,
  stateNodeSchema,
  transitionObjectSchema,
  transitionSchema,
  voiceSchema,
} from './schema.js';

export function scenarioJsonSchema(): Record<string, unknown> {
  // Named definitions instead of generated ones, so the file reads well and diffs stay small.
  const registry = z.registry<{ id: string; description?: string }>();
  registry.add(actionSchema, { id: 'Action', description: 'Une action du moteur : { type, params }.' });
  registry.add(guardSchema, {
    id: 'Guard',
    description:
      'Une garde du moteur : { type, params } — compare, flag, visited, in (état actif), moveCount — combinable avec all / any / not.',
  });
  registry.add(transitionObjectSchema, { id: 'TransitionObject' });
  registry.add(transitionSchema, {
    id: 'Transition',
    description: "Une cible, une transition, ou des transitions essayées dans l'ordre.",
  });
  registry.add(stateNodeSchema, {
    id: 'StateNode',
    description:
      'Un état. type: history (avec history: shallow | deep et target, chemin depuis le parent) : revenir où en était le parent.',
  });
  registry.add(machineSchema, { id: 'Machine', description: 'La machine XState du scénario.' });
  registry.add(voiceSchema, { id: 'Voice' });
  registry.add(competencySchema, {
    id: 'Competency',
    description: "Une compétence de la grille d'évaluation.",
  });
  registry.add(criterionSchema, {
    id: 'Criterion',
    description: 'Un critère : jugé par le formateur ou la formatrice (judged: true) ou automatique (auto).',
  });
  registry.add(autoCriterionSchema, {
    id: 'AutoCriterion',
    description:
      'Mesuré sur la chronologie : move, notMove, state, notState, variable, flag ou ending (un seul).',
  });
  registry.add(sinceSchema, {
    id: 'Since',
    description:
      'La fenêtre (within) part du premier envoi de cet événement injecté ; jamais envoyé : critère non évalué.',
  });
  const schema = z.toJSONSchema(scenarioSchema, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
    reused: 'ref',
    metadata: registry,
  });
  return {
    ...schema,
    $id: 'https://ecoute.invalid/scenario.schema.json',
    title: 'Scénario Écoute',
    description: "Un scénario d'appel pour Écoute : métadonnées, persona, tables et machine XState.",
  };
}

/** The JSON Schema of play-through test files (`scenarios/<id>.tests.yaml`). */
export function playThroughsJsonSchema(): Record<string, unknown> {
  const registry = z.registry<{ id: string; description?: string }>();
  registry.add(playThroughStepSchema, {
    id: 'Step',
    description:
      'Une étape : at (ms de séance) et une seule action parmi pickup, move, inject, say, hangup, pause, resume, end, wait.',
  });
  registry.add(stepExpectSchema, { id: 'Expect', description: "Ce que l'étape doit produire." });
  const schema = z.toJSONSchema(playThroughFileSchema, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
    reused: 'ref',
    metadata: registry,
  });
  return {
    ...schema,
    $id: 'https://ecoute.invalid/tests.schema.json',
    title: 'Tests de parcours Écoute',
    description: "Les parcours de test d'un scénario : entrées datées, attendus, fin de l'appel.",
  };
}

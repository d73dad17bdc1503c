// The JSON Schema of scenario files, for editors (yaml-language-server) and the web editor.
// scenarios/scenario.schema.json is this function's output; a test keeps them equal.
import { z } from 'zod';
import { scenarioSchema } from './schema.js';

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' });
  return {
    ...schema,
    $id: 'https://ecoute.invalid/scenario.schema.json',
    title: 'Scénario Écoute',
    description: "Un scénario d'appel pour Écoute : métadonnées, persona, tables et machine XState.",
  };
}

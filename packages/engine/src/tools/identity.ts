// Sets a scenario text's `id` and `version` (and reads its title) through yaml's Document API, so
// the author's comments and order stay as written. The library uses it: a call's id and version
// number are the library's, whatever the text said.
import { isMap, parseDocument, type Document } from 'yaml';
import { loadYaml } from '../scenario/parse.js';

/**
 * The text with `id` and `version` set (and `title`, when given: a duplicate's « Copie de … »), or
 * undefined when it is not a YAML map within the limits.
 */
export function withScenarioIdentity(
  text: string,
  id: string,
  version: number,
  title?: string,
): string | undefined {
  const doc = documentOf(text);
  if (!doc) return undefined;
  doc.set('id', id);
  doc.set('version', version);
  if (title !== undefined) doc.set('title', title);
  return doc.toString({ lineWidth: 0 });
}

/** The `id` and `title` a scenario text declares, when readable. */
export function declaredIdentity(text: string): { id?: string; title?: string } {
  const doc = documentOf(text);
  if (!doc) return {};
  const id: unknown = doc.get('id');
  const title: unknown = doc.get('title');
  return {
    ...(typeof id === 'string' ? { id } : {}),
    ...(typeof title === 'string' ? { title } : {}),
  };
}

function documentOf(text: string): Document.Parsed | undefined {
  // The engine's reader first: it refuses what is too large, too deep or too aliased.
  if (!loadYaml(text).ok) return undefined;
  const doc = parseDocument(text, { uniqueKeys: false, version: '1.2' });
  return doc.errors.length === 0 && isMap(doc.contents) ? doc : undefined;
}

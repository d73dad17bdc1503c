// What every studio form receives: the call as plain data (read from the text at each change)
// and `edit`, which runs a Document-API edit on the text in the editor (one undoable step).
import type { Document } from 'yaml';

export type Plain = Record<string, unknown>;
export type YamlEdit = (change: (doc: Document) => void) => void;

export const isPlain = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const tableOf = (data: Plain, key: string): [string, Plain][] => {
  const table = data[key];
  return isPlain(table) ? Object.entries(table).map(([id, v]) => [id, isPlain(v) ? v : {}]) : [];
};

export const textOf = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

/** A few words of a longer text, for a legend or an option. */
export const shortText = (value: unknown, max = 60): string => {
  const text = textOf(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
};

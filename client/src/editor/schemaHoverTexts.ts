// The YAML editor's hover help in the person's language. codemirror-json-schema's own texts are
// English (« string », « `enum`: easy, medium, or hard »); the schema's descriptions are already
// French (scenarios/scenario.schema.json), so only the kind of value is said here, through the
// catalogue. Values an author types stay as they are typed (`easy`), in code.
import type { HoverOptions } from 'codemirror-json-schema';
import type { I18n } from '../i18n/I18nContext.js';
import type { MessageKey } from '../i18n/index.js';

const TYPE_KEYS: Record<string, MessageKey> = {
  string: 'editor.hover.string',
  number: 'editor.hover.number',
  integer: 'editor.hover.integer',
  boolean: 'editor.hover.boolean',
  array: 'editor.hover.array',
  object: 'editor.hover.object',
  null: 'editor.hover.null',
};

type GetHoverTexts = NonNullable<HoverOptions['getHoverTexts']>;

/** The part of a JSON schema the hover reads. */
interface HoveredSchema {
  type?: string | string[];
  enum?: unknown[];
  oneOf?: unknown[];
  anyOf?: unknown[];
  description?: string;
}

/** `getHoverTexts` for `yamlSchemaHover`: the description, then the kind of value in words. */
export function schemaHoverTexts(t: I18n['t']): GetHoverTexts {
  return ({ schema }) => {
    const hovered = (schema ?? {}) as HoveredSchema;
    let typeInfo = '';
    if (Array.isArray(hovered.enum)) {
      const values = hovered.enum.map((value) => `\`${String(value)}\``).join(', ');
      typeInfo = t('editor.hover.enum', { values });
    } else if (hovered.type !== undefined) {
      const types = Array.isArray(hovered.type) ? hovered.type : [hovered.type];
      const names = types.map((type) => (TYPE_KEYS[type] ? t(TYPE_KEYS[type]) : type));
      typeInfo = t('editor.hover.type', { type: names.join(t('editor.hover.or')) });
    } else if (hovered.oneOf || hovered.anyOf) {
      typeInfo = t('editor.hover.forms');
    }
    return { message: hovered.description ?? '', typeInfo };
  };
}

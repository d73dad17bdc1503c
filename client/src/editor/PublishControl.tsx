// `editor.publish`, asked first: a published version never changes and becomes the one new
// sessions play, so the studio says so before it happens (`editor.publish.question`, with the
// version's number) — the app's one way of asking (`ConfirmAction`: the question in place of the
// button, focus on `editor.publish.confirm`, back to the button on `editor.publish.cancel` or
// Escape). `onAsk` may refuse to ask (nothing to publish: the page says why instead).
// A call that keeps parts of the blank template (the lint's `lint/template_text` warnings: its
// « À décrire » summary, the template's caller, their story) is not refused — warnings never
// are —, but the question names those parts (`editor.publish.template`) and its answer reads
// `editor.publish.confirmAnyway`: trainers would read « À décrire » in their list of calls.
import type { EngineMessage, EngineMessageCode, LintIssue, TemplateLintCode } from '@ecoute/engine';
import { engineText, useI18n, type MessageKey } from '../i18n/index.js';
import { ConfirmAction } from '../ui/ConfirmAction.js';

const TEMPLATE_TEXT: (typeof TemplateLintCode)['TemplateText'] = 'lint/template_text';

/** Each part the lint names, as the question lists it (short: the issue list says where to write it). */
const PART_KEYS: Partial<Record<EngineMessageCode, MessageKey>> = {
  'lint.template_text.summary': 'editor.publish.template.summary',
  'lint.template_text.persona': 'editor.publish.template.persona',
  'lint.template_text.background': 'editor.publish.template.background',
};

/** The parts of the call the lint found as the blank template wrote them. */
export function templateParts(issues: readonly LintIssue[] | null): EngineMessage[] {
  return (issues ?? []).flatMap((issue) => (issue.code === TEMPLATE_TEXT && issue.text ? [issue.text] : []));
}

export function PublishControl({
  version,
  onAsk,
  onPublish,
  leftFromTemplate = [],
}: {
  /** The version publishing would make: the draft's, or the next number when the text has no draft yet. */
  version: number;
  onAsk?: () => boolean;
  onPublish: () => Promise<void>;
  /** The parts still as the blank template wrote them (`templateParts` of the text's lint). */
  leftFromTemplate?: readonly EngineMessage[];
}) {
  const { t, lang } = useI18n();
  const partWords = (part: EngineMessage): string => {
    const key = PART_KEYS[part.code];
    if (!key) return engineText(lang, part);
    const params = Object.fromEntries(
      Object.entries(part.params ?? {}).filter(
        (entry): entry is [string, string | number] => typeof entry[1] !== 'object',
      ),
    );
    return t(key, params);
  };
  const kept = leftFromTemplate.length > 0;
  return (
    <ConfirmAction
      // Publishing deletes nothing: the page's plain buttons, not the danger ones.
      tone=""
      yesTone=""
      question={t('editor.publish.question', { version })}
      yes={t(kept ? 'editor.publish.confirmAnyway' : 'editor.publish.confirm')}
      no={t('editor.publish.cancel')}
      {...(onAsk ? { onAsk } : {})}
      {...(kept
        ? {
            details: (
              <>
                <p>{t('editor.publish.template')}</p>
                <ul aria-label={t('editor.publish.template.list')}>
                  {leftFromTemplate.map((part, i) => (
                    <li key={i}>{partWords(part)}</li>
                  ))}
                </ul>
              </>
            ),
          }
        : {})}
      onConfirm={onPublish}
    >
      {t('editor.publish')}
    </ConfirmAction>
  );
}

// `editor.publish`, asked first: a published version never changes and becomes the one new
// sessions play, so the studio says so before it happens (`editor.publish.question`, with the
// version's number) — the app's one way of asking (`ConfirmAction`: the question in place of the
// button, focus on `editor.publish.confirm`, back to the button on `editor.publish.cancel` or
// Escape). `onAsk` may refuse to ask (nothing to publish: the page says why instead).
import { useI18n } from '../i18n/index.js';
import { ConfirmAction } from '../ui/ConfirmAction.js';

export function PublishControl({
  version,
  onAsk,
  onPublish,
}: {
  /** The version publishing would make: the draft's, or the next number when the text has no draft yet. */
  version: number;
  onAsk?: () => boolean;
  onPublish: () => Promise<void>;
}) {
  const { t } = useI18n();
  return (
    <ConfirmAction
      // Publishing deletes nothing: the page's plain buttons, not the danger ones.
      tone=""
      yesTone=""
      question={t('editor.publish.question', { version })}
      yes={t('editor.publish.confirm')}
      no={t('editor.publish.cancel')}
      {...(onAsk ? { onAsk } : {})}
      onConfirm={onPublish}
    >
      {t('editor.publish')}
    </ConfirmAction>
  );
}

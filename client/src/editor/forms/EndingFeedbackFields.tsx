// An ending's `feedback`: after its message, the debrief (and the listener's outcome) lists the
// rubric's measured criteria met, then those missed, each list after a few words of the author's
// (`{ met, missed }`, the engine's `endingMessage`). Turned on with the library's words (in the
// scenario's language), turned off by removing the key; an example of the message it makes is read
// from the draft's own rubric, by the engine's function.
import { endingMessage, type CriterionResult } from '@ecoute/engine';
import { useId } from 'react';
import { translate } from '../../i18n/catalogue.js';
import { useI18n } from '../../i18n/index.js';
import { MessageWithScenario } from '../../i18n/MessageWithScenario.js';
import { SCENARIO_LANG } from '../../i18n/scenarioLang.js';
import { removeAt } from '../yamlEdit/document.js';
import { TextField } from './fields.js';
import { isPlain, textOf, type Plain, type YamlEdit } from './formTypes.js';

/** The rubric's measured criteria (`auto`), as results: the first met, the second missed. */
function exampleResults(data: Plain): CriterionResult[] {
  const rubric = Array.isArray(data['rubric']) ? data['rubric'] : [];
  const measured = rubric.flatMap((competency) =>
    isPlain(competency) && Array.isArray(competency['criteria'])
      ? competency['criteria'].filter(
          (criterion): criterion is Plain => isPlain(criterion) && criterion['auto'] !== undefined,
        )
      : [],
  );
  return measured.slice(0, 2).map((criterion, i) => ({
    competency: '',
    criterion: textOf(criterion['id']),
    label: textOf(criterion['label']),
    kind: 'auto',
    assessed: true,
    met: i === 0,
  }));
}

export function EndingFeedbackFields({
  data,
  ending,
  path,
  edit,
}: {
  data: Plain;
  ending: Plain;
  /** The ending's place: `['endings', id]`. */
  path: [string, string];
  edit: YamlEdit;
}) {
  const { t } = useI18n();
  const id = useId();
  const feedback = isPlain(ending['feedback']) ? ending['feedback'] : null;
  const met = textOf(feedback?.['met']);
  const missed = textOf(feedback?.['missed']);
  const results = feedback ? exampleResults(data) : [];
  const example =
    feedback && met.trim() && missed.trim() && results.length > 0
      ? endingMessage(
          // The outcome is not read: only the message and the feedback's words.
          {
            endings: {
              ending: { outcome: 'good', message: textOf(ending['message']), feedback: { met, missed } },
            },
          },
          'ending',
          results,
        )
      : '';
  return (
    <fieldset className="studio-list studio-feedback">
      <legend>{t('studio.forms.endings.feedback')}</legend>
      <label className="studio-check">
        <input
          type="checkbox"
          checked={feedback !== null}
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            const on = e.target.checked;
            edit((doc) => {
              if (!on) {
                removeAt(doc, [...path, 'feedback']);
                return;
              }
              // The scenario's words, as the library's calls have them.
              const words = {
                met: translate(SCENARIO_LANG, 'studio.forms.endings.feedbackMetDefault'),
                missed: translate(SCENARIO_LANG, 'studio.forms.endings.feedbackMissedDefault'),
              };
              doc.setIn([...path, 'feedback'], doc.createNode(words, { flow: true }));
            });
          }}
        />{' '}
        {t('studio.forms.endings.feedbackOn')}
      </label>
      <p id={`${id}-hint`} className="muted studio-feedback__hint">
        {t('studio.forms.endings.feedbackHint')}
      </p>
      {feedback ? (
        <>
          <TextField
            label={t('studio.forms.endings.feedbackMet')}
            path={[...path, 'feedback', 'met']}
            value={met}
            edit={edit}
            error={met.trim() ? undefined : t('studio.forms.endings.feedbackRequired')}
          />
          <TextField
            label={t('studio.forms.endings.feedbackMissed')}
            path={[...path, 'feedback', 'missed']}
            value={missed}
            edit={edit}
            error={missed.trim() ? undefined : t('studio.forms.endings.feedbackRequired')}
          />
          {results.length === 0 ? (
            <p className="studio-warning">{t('studio.forms.endings.feedbackNoCriteria')}</p>
          ) : example ? (
            <p className="studio-feedback__example">
              <MessageWithScenario
                k={
                  results.length > 1
                    ? 'studio.forms.endings.feedbackExample'
                    : 'studio.forms.endings.feedbackExampleOne'
                }
                scenario={{ example }}
              />
            </p>
          ) : null}
        </>
      ) : null}
    </fieldset>
  );
}

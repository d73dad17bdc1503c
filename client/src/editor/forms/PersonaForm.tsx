// The call's description and its persona: title, summary, difficulty, length; the caller's
// name, age, place and story, and the notes for the trainer (optional: emptied, the key goes).
import { useId } from 'react';
import { useI18n } from '../../i18n/index.js';
import { NumberField, SelectField, TextField } from './fields.js';
import { isPlain, type Plain, type YamlEdit } from './formTypes.js';

export function PersonaForm({ data, edit }: { data: Plain; edit: YamlEdit }) {
  const { t } = useI18n();
  const headingId = useId();
  const persona = isPlain(data['persona']) ? data['persona'] : {};
  const voice = isPlain(persona['voice']) ? persona['voice'] : {};
  const difficulties = (['easy', 'medium', 'hard'] as const).map((d) => ({
    value: d,
    label: t(`studio.forms.difficulty.${d}`),
  }));
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{t('studio.forms.persona')}</h3>
      <fieldset className="studio-entry">
        <legend>{t('studio.forms.call')}</legend>
        <TextField label={t('studio.forms.call.title')} path={['title']} value={data['title']} edit={edit} />
        <TextField
          label={t('studio.forms.call.summary')}
          path={['summary']}
          value={data['summary']}
          edit={edit}
          multiline
        />
        <SelectField
          label={t('studio.forms.call.difficulty')}
          path={['difficulty']}
          value={data['difficulty']}
          edit={edit}
          options={difficulties}
        />
        <NumberField
          label={t('studio.forms.call.duration')}
          path={['durationMinutes']}
          value={data['durationMinutes']}
          edit={edit}
        />
      </fieldset>
      <fieldset className="studio-entry">
        <legend>{t('studio.forms.caller')}</legend>
        <TextField
          label={t('studio.forms.persona.name')}
          path={['persona', 'name']}
          value={persona['name']}
          edit={edit}
        />
        <NumberField
          label={t('studio.forms.persona.age')}
          path={['persona', 'age']}
          value={persona['age']}
          edit={edit}
        />
        <TextField
          label={t('studio.forms.persona.place')}
          path={['persona', 'place']}
          value={persona['place']}
          edit={edit}
        />
        {/* The speech synthesis' settings: an old man's slower, lower voice (1 is the browser's own). */}
        <NumberField
          label={t('studio.forms.persona.rate')}
          path={['persona', 'voice', 'rate']}
          value={voice['rate']}
          edit={edit}
        />
        <NumberField
          label={t('studio.forms.persona.pitch')}
          path={['persona', 'voice', 'pitch']}
          value={voice['pitch']}
          edit={edit}
        />
        <TextField
          label={t('studio.forms.persona.background')}
          hint={t('studio.forms.persona.backgroundHint')}
          path={['persona', 'background']}
          value={persona['background']}
          edit={edit}
          multiline
        />
        <TextField
          label={t('studio.forms.persona.trainerNotes')}
          hint={t('studio.forms.persona.trainerNotesHint')}
          path={['persona', 'trainerNotes']}
          value={persona['trainerNotes']}
          edit={edit}
          optional
          multiline
        />
      </fieldset>
    </section>
  );
}

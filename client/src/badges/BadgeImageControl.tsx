// One badge's picture on the badges page: what verifiers and learners see, and for
// administrators the organisation's own picture to upload (PNG or SVG, 256 KB at most: checked
// here first so that a heavy file is not sent, then by the server with its codes), or the drawn
// medal back. What happened is said next to the control (status or alert), not at the top of a
// long page; the file input is visually hidden behind a label styled as a button, so that the
// browser's own file-input wording (in the browser's language) never shows.
import { useId, useState, type ChangeEvent } from 'react';
import type { BadgeDefinition } from '@ecoute/protocol';
import { useI18n } from '../i18n/index.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';
import { badgesApi, pathOf } from './badgesApi.js';
import './badges.css';

export const BADGE_IMAGE_MAX_BYTES = 256 * 1024;

/** The file's bytes in base64 (a data: URL's tail). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('file unreadable'));
    reader.readAsDataURL(file);
  });
}

export function BadgeImageControl({
  badge,
  canEdit,
  api = badgesApi,
  onChanged,
  onError,
}: {
  badge: BadgeDefinition;
  canEdit: boolean;
  api?: Pick<typeof badgesApi, 'setImage' | 'removeImage'>;
  onChanged: (badge: BadgeDefinition, message: string) => void;
  onError?: (code: string) => void;
}) {
  const { t } = useI18n();
  const fieldId = useId();
  const hintId = useId();
  // A new query after each change, so that the page shows the new picture, not the cached one.
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const fail = (code: string) => {
    setMessage('');
    setError(code);
    onError?.(code);
  };
  const done = (changed: BadgeDefinition, text: string) => {
    setError(null);
    setMessage(text);
    setVersion((v) => v + 1);
    onChanged(changed, text);
  };

  async function upload(event: ChangeEvent<HTMLInputElement>): Promise<void> {
    const input = event.target;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > BADGE_IMAGE_MAX_BYTES) return fail('badge/image_too_large');
    let data: string;
    try {
      data = await readBase64(file);
    } catch {
      return fail('badge/image_invalid');
    }
    const result = await api.setImage(badge.id, data);
    if (!result.ok) return fail(result.code);
    done(result.data, t('badges.image.saved', { name: badge.name }));
  }

  async function drawn(): Promise<void> {
    const result = await api.removeImage(badge.id);
    if (!result.ok) return fail(result.code);
    done(result.data, t('badges.image.drawnBack', { name: badge.name }));
  }

  return (
    <div className="badge-image">
      {badge.imageUrl ? (
        <img
          className="badge-image__preview"
          src={`${pathOf(badge.imageUrl)}?v=${version}`}
          alt={t('badges.image.alt', { name: badge.name })}
          width={96}
          height={96}
        />
      ) : null}
      {canEdit ? (
        <p>
          <input
            id={fieldId}
            className="visually-hidden badge-image__file"
            type="file"
            accept="image/png,image/svg+xml,.png,.svg"
            aria-describedby={hintId}
            onChange={(event) => void upload(event)}
          />
          <label htmlFor={fieldId} className="button button--secondary badge-image__choose">
            {t('badges.image.choose', { name: badge.name })}
          </label>
          <span id={hintId} className="hint">
            {' '}
            {t('badges.image.hint')}
          </span>
          {badge.imageType ? (
            <>
              {' '}
              <button type="button" onClick={() => void drawn()}>
                {t('badges.image.drawn', { name: badge.name })}
              </button>
            </>
          ) : null}
        </p>
      ) : null}
      {canEdit ? (
        <>
          <p role="status" className="badge-image__status">
            {message}
          </p>
          <ErrorAlert code={error} />
        </>
      ) : null}
    </div>
  );
}

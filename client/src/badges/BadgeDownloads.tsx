import type { AwardedBadge } from '@ecoute/protocol';
import { useI18n } from '../i18n/index.js';
import { pathOf } from './badgesApi.js';
import { joinParts } from '../i18n/joinParts.js';

/** The files of one badge: baked images (OB 3.0 PNG and SVG, OB 2.0 PNG), the credential, the verification page. */
export function BadgeDownloads({ award }: { award: AwardedBadge }) {
  const { t } = useI18n();
  const files = [
    { href: award.downloads.png, label: t('badges.download.png'), file: 'badge.png' },
    { href: award.downloads.svg, label: t('badges.download.svg'), file: 'badge.svg' },
    { href: award.downloads.ob2Png, label: t('badges.download.ob2Png'), file: 'badge-ob2.png' },
    { href: award.downloads.jwt, label: t('badges.download.jwt'), file: 'badge.jwt' },
  ];
  return (
    <ul className="badge-downloads">
      {files.map((f) => (
        <li key={f.file}>
          <a
            href={pathOf(f.href)}
            download={f.file}
            aria-label={joinParts(t, [f.label, award.badgeName], 'dash')}
          >
            {f.label}
          </a>
        </li>
      ))}
      <li>
        <a href={pathOf(award.verifyUrl)}>{t('badges.verifyLink')}</a>
      </li>
    </ul>
  );
}

// `/badges`, for trainers and administrators: the organisation's badges (each mapped to rubric
// criteria and a number of calls), a form to define one (administrators), and who earned what
// (with revocation for administrators).
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { AwardedBadge, BadgeDefinition } from '@ecoute/protocol';
import { Field } from '../account/Field.js';
import { useAccount } from '../account/useAccount.js';
import type { accountApi } from '../account/accountApi.js';
import { useI18n } from '../i18n/index.js';
import { formatDate } from '../i18n/formatDate.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';
import { useDocumentTitle } from '../ui/useDocumentTitle.js';
import { BadgeDownloads } from './BadgeDownloads.js';
import { BadgeImageControl } from './BadgeImageControl.js';
import { badgesApi, type CriterionChoice } from './badgesApi.js';
import { ScrollTable } from '../ui/ScrollTable.js';
import { joinParts } from '../i18n/joinParts.js';

const key = (c: { competency: string; criterion: string }) => `${c.competency}/${c.criterion}`;

export function BadgesPage({
  api = badgesApi,
  account,
}: {
  api?: typeof badgesApi;
  account?: Pick<typeof accountApi, 'me'>;
}) {
  const { t } = useI18n();
  const state = useAccount(account);
  const isAdmin = state.status === 'signed-in' && state.me.role === 'admin';
  const [badges, setBadges] = useState<BadgeDefinition[]>([]);
  const [awards, setAwards] = useState<AwardedBadge[]>([]);
  const [choices, setChoices] = useState<CriterionChoice[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [minCalls, setMinCalls] = useState('2');
  useDocumentTitle(`${t('badges.heading')} · ${t('app.name')}`);

  const load = useCallback(() => {
    void Promise.all([api.definitions(), api.awards(), api.criteria()]).then(([d, a, c]) => {
      if (d.ok) setBadges(d.data.badges);
      else setError(d.code);
      if (a.ok) setAwards(a.data.awards);
      if (c.ok) setChoices(c.data.criteria);
    });
  }, [api]);
  useEffect(load, [load]);

  const labelOf = (c: { competency: string; criterion: string }) => {
    const choice = choices.find((x) => key(x) === key(c));
    return choice
      ? joinParts(t, [choice.competencyLabel, choice.label], 'dash')
      : t('badges.unknownCriterion');
  };

  async function create(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setError(null);
    const criteria = choices
      .filter((c) => picked.has(key(c)))
      .map(({ competency, criterion }) => ({ competency, criterion }));
    const result = await api.create({ name, description, criteria, minCalls: Number(minCalls) });
    if (!result.ok) return setError(result.code);
    setStatus(t('badges.created', { name: result.data.name }));
    setName('');
    setDescription('');
    setPicked(new Set());
    load();
  }

  async function revoke(award: AwardedBadge): Promise<void> {
    const reason = window.prompt(t('badges.revokeReason', { name: award.badgeName, learner: award.learner }));
    if (!reason?.trim()) return;
    const result = await api.revoke(award.id, reason.trim());
    if (!result.ok) return setError(result.code);
    setStatus(t('badges.revokedStatus', { name: award.badgeName, learner: award.learner }));
    load();
  }

  /** Never issued: gone; issued: withdrawn, and what was issued stays valid (the page says so). */
  async function remove(badge: BadgeDefinition): Promise<void> {
    if (!window.confirm(t('badges.deleteConfirm', { name: badge.name }))) return;
    setError(null);
    const result = await api.remove(badge.id);
    if (!result.ok) return setError(result.code);
    setStatus(
      result.data.kept
        ? t('badges.deletedKept', { name: badge.name, count: result.data.issued })
        : t('badges.deleted', { name: badge.name }),
    );
    load();
  }

  const competencies = [...new Set(choices.map((c) => c.competencyLabel))];
  return (
    <div className="account badges-page">
      <h1>{t('badges.heading')}</h1>
      <p>
        <Link to="/">{t('account.nav.home')}</Link>
      </p>
      <ErrorAlert code={error} />
      <p role="status">{status}</p>
      <section className="panel" aria-labelledby="badge-definitions-heading">
        <h2 id="badge-definitions-heading">{t('badges.definitions')}</h2>
        {badges.length === 0 ? <p>{t('badges.none')}</p> : null}
        <ul>
          {badges.map((badge) => (
            <li key={badge.id}>
              <h3>{badge.name}</h3>
              <BadgeImageControl
                badge={badge}
                canEdit={isAdmin}
                api={api}
                onChanged={(changed, message) => {
                  setError(null);
                  setStatus(message);
                  setBadges((all) => all.map((b) => (b.id === changed.id ? changed : b)));
                }}
                onError={setError}
              />
              <p>{badge.description}</p>
              <p>{t('badges.rule', { count: badge.minCalls })}</p>
              <ul>
                {badge.criteria.map((c) => (
                  <li key={key(c)}>{labelOf(c)}</li>
                ))}
              </ul>
              {isAdmin ? (
                <button type="button" onClick={() => void remove(badge)}>
                  {t('badges.delete', { name: badge.name })}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      {isAdmin ? (
        <section className="panel" aria-labelledby="badge-new-heading">
          <h2 id="badge-new-heading">{t('badges.new')}</h2>
          <form className="account-form" onSubmit={(event) => void create(event)}>
            <Field label={t('badges.name')} name="badge-name" value={name} onChange={setName} />
            <Field
              label={t('badges.description')}
              name="badge-description"
              value={description}
              onChange={setDescription}
            />
            {competencies.map((competency) => (
              <fieldset key={competency}>
                <legend>{competency}</legend>
                {choices
                  .filter((c) => c.competencyLabel === competency)
                  .map((c) => (
                    <p key={key(c)}>
                      <label>
                        <input
                          type="checkbox"
                          checked={picked.has(key(c))}
                          onChange={(event) => {
                            const next = new Set(picked);
                            if (event.target.checked) next.add(key(c));
                            else next.delete(key(c));
                            setPicked(next);
                          }}
                        />{' '}
                        {c.label}
                      </label>
                    </p>
                  ))}
              </fieldset>
            ))}
            <Field
              label={t('badges.minCalls')}
              name="badge-min-calls"
              type="number"
              value={minCalls}
              onChange={setMinCalls}
            />
            <button type="submit" disabled={picked.size === 0}>
              {t('badges.create')}
            </button>
          </form>
        </section>
      ) : null}
      <section className="panel" aria-labelledby="badge-awards-heading">
        <h2 id="badge-awards-heading">{t('badges.awards')}</h2>
        {awards.length === 0 ? <p>{t('badges.noAwards')}</p> : null}
        <ScrollTable name={t('badges.awards')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('badges.learner')}</th>
                <th scope="col">{t('badges.badge')}</th>
                <th scope="col">{t('badges.date')}</th>
                <th scope="col">{t('badges.files')}</th>
              </tr>
            </thead>
            <tbody>
              {awards.map((award) => (
                <tr key={award.id}>
                  <td>{award.learner}</td>
                  <td>{joinParts(t, [award.badgeName, award.revoked && t('badges.revoked')], 'dash')}</td>
                  <td>{formatDate(t, award.issuedAt)}</td>
                  <td>
                    <BadgeDownloads award={award} />
                    {isAdmin && !award.revoked ? (
                      <button type="button" onClick={() => void revoke(award)}>
                        {t('badges.revoke', { name: award.badgeName, learner: award.learner })}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      </section>
    </div>
  );
}

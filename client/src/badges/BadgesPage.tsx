// `/badges`, for trainers and administrators: the organisation's badges (each mapped to rubric
// criteria and a number of calls), a form to define one (administrators), and who earned what
// (with revocation for administrators).
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { MAX_REVOCATION_REASON, type AwardedBadge, type BadgeDefinition } from '@ecoute/protocol';
import { Field } from '../account/Field.js';
import { SignedInPage } from '../account/SignedInPage.js';
import type { accountApi } from '../account/accountApi.js';
import { pluralForm, useI18n } from '../i18n/index.js';
import { formatDate } from '../i18n/formatDate.js';
import { ConfirmAction } from '../ui/ConfirmAction.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';
import { focusQuietly } from '../ui/useFocusRescue.js';
import { useDocumentTitle } from '../ui/useDocumentTitle.js';
import { BadgeDownloads } from './BadgeDownloads.js';
import { BadgeImageControl } from './BadgeImageControl.js';
import { BadgeCriteriaPicker } from './BadgeCriteriaPicker.js';
import { badgesApi, type CriterionChoice } from './badgesApi.js';
import { criterionKey, type CriterionRef } from './criteriaGroups.js';
import { ScrollTable } from '../ui/ScrollTable.js';
import { joinParts } from '../i18n/joinParts.js';
import { CardTable } from '../ui/CardTable.js';

const key = criterionKey;

export function BadgesPage({
  api = badgesApi,
  account,
}: {
  api?: typeof badgesApi;
  account?: Pick<typeof accountApi, 'me'>;
}) {
  const { t } = useI18n();
  useDocumentTitle(t('badges.heading'));
  return (
    <SignedInPage
      heading={t('badges.heading')}
      page="badges"
      className="account badges-page"
      {...(account ? { accounts: account } : {})}
    >
      {(me) => <BadgesContent api={api} isAdmin={me.role === 'admin'} />}
    </SignedInPage>
  );
}

function BadgesContent({ api, isAdmin }: { api: typeof badgesApi; isAdmin: boolean }) {
  const { t, lang } = useI18n();
  const noCriterionId = useId();
  const [badges, setBadges] = useState<BadgeDefinition[]>([]);
  const [awards, setAwards] = useState<AwardedBadge[]>([]);
  const [choices, setChoices] = useState<CriterionChoice[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  // The creation's confirmation, under the form where the administrator is (not at the page's top).
  const [created, setCreated] = useState('');
  const createdRef = useRef<HTMLParagraphElement>(null);
  const definitionsHeading = useRef<HTMLHeadingElement>(null);
  const awardsHeading = useRef<HTMLHeadingElement>(null);
  // In view and read out where the form was sent from: the focus goes to it.
  useEffect(() => {
    if (created !== '') createdRef.current?.focus();
  }, [created]);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [minCalls, setMinCalls] = useState('2');

  const load = useCallback(() => {
    void Promise.all([api.definitions(), api.awards(), api.criteria()]).then(([d, a, c]) => {
      if (d.ok) setBadges(d.data.badges);
      else setError(d.code);
      if (a.ok) setAwards(a.data.awards);
      if (c.ok) setChoices(c.data.criteria);
    });
  }, [api]);
  useEffect(load, [load]);

  /** With its call's title; a badge defined before criteria named their call: any call's label. */
  const labelOf = (c: CriterionRef) => {
    const choice =
      c.scenario === undefined
        ? choices.find((x) => x.competency === c.competency && x.criterion === c.criterion)
        : choices.find((x) => key(x) === key(c));
    if (!choice) return t('badges.unknownCriterion');
    return joinParts(
      t,
      [c.scenario !== undefined && choice.scenarioTitle, choice.competencyLabel, choice.label],
      'dash',
    );
  };

  async function create(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setError(null);
    setCreated('');
    const criteria = choices
      .filter((c) => picked.has(key(c)))
      .map(({ scenario, competency, criterion }) => ({ scenario, competency, criterion }));
    const result = await api.create({ name, description, criteria, minCalls: Number(minCalls) });
    if (!result.ok) return setError(result.code);
    const retroactive = result.data.retroactiveAwards ?? 0;
    setCreated(
      retroactive > 0
        ? t(retroactive === 1 ? 'badges.createdAwarded.one' : 'badges.createdAwarded.other', {
            name: result.data.name,
            count: retroactive,
          })
        : t('badges.created', { name: result.data.name }),
    );
    setName('');
    setDescription('');
    setPicked(new Set());
    load();
  }

  // Asked first with its reason (`ConfirmAction`), which the learner's badge file will carry.
  async function revoke(award: AwardedBadge, reason: string): Promise<void> {
    const result = await api.revoke(award.id, reason);
    if (!result.ok) return setError(result.code);
    setStatus(t('badges.revokedStatus', { name: award.badgeName, learner: award.learner }));
    // Its button goes (the badge is revoked): the focus to the awards' heading.
    if (awardsHeading.current) focusQuietly(awardsHeading.current);
    load();
  }

  /** Never issued: gone; issued: withdrawn, and what was issued stays valid (the page says so). */
  // Asked first (`ConfirmAction`); deleted, its card goes and the focus to the list's heading.
  async function remove(badge: BadgeDefinition): Promise<void> {
    setError(null);
    const result = await api.remove(badge.id);
    if (!result.ok) return setError(result.code);
    setStatus(
      result.data.kept
        ? t(`badges.deletedKept.${pluralForm(lang, result.data.issued)}`, {
            name: badge.name,
            count: result.data.issued,
          })
        : t('badges.deleted', { name: badge.name }),
    );
    if (definitionsHeading.current) focusQuietly(definitionsHeading.current);
    load();
  }

  return (
    <div className="account badges-page">
      <h1>{t('badges.heading')}</h1>
      <p>
        <Link to="/">{t('nav.back.home')}</Link>
      </p>
      <ErrorAlert code={error} />
      <p role="status">{status}</p>
      <section className="panel" aria-labelledby="badge-definitions-heading">
        <h2 id="badge-definitions-heading" ref={definitionsHeading}>
          {t('badges.definitions')}
        </h2>
        {badges.length === 0 ? <p>{t('badges.none')}</p> : null}
        <ul>
          {badges.map((badge) => (
            <li key={badge.id}>
              <h3>{badge.name}</h3>
              <BadgeImageControl
                badge={badge}
                canEdit={isAdmin}
                api={api}
                onChanged={(changed) => {
                  setBadges((all) => all.map((b) => (b.id === changed.id ? changed : b)));
                }}
              />
              <p>{badge.description}</p>
              <p>
                {t(badge.minCalls <= 1 ? 'badges.rule.one' : 'badges.rule.other', { count: badge.minCalls })}
              </p>
              <ul>
                {badge.criteria.map((c) => (
                  <li key={key(c)}>{labelOf(c)}</li>
                ))}
              </ul>
              {isAdmin ? (
                <ConfirmAction
                  question={t('badges.deleteConfirm', { name: badge.name })}
                  yes={t('badges.deleteYes')}
                  no={t('account.cancel')}
                  onConfirm={() => remove(badge)}
                >
                  {t('badges.delete', { name: badge.name })}
                </ConfirmAction>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      {isAdmin ? (
        <section className="panel" aria-labelledby="badge-new-heading">
          <h2 id="badge-new-heading">{t('badges.new')}</h2>
          <form className="account-form badges-page__form" onSubmit={(event) => void create(event)}>
            <Field label={t('badges.name')} name="badge-name" value={name} onChange={setName} />
            <Field
              label={t('badges.description')}
              name="badge-description"
              value={description}
              onChange={setDescription}
            />
            <p className="hint">{t('badges.criteriaHint')}</p>
            <BadgeCriteriaPicker choices={choices} picked={picked} onChange={setPicked} />
            <Field
              label={t('badges.minCalls')}
              name="badge-min-calls"
              type="number"
              value={minCalls}
              onChange={setMinCalls}
            />
            {/* Disabled, the button says why under it (it was greyed out with no word). */}
            <button
              type="submit"
              disabled={picked.size === 0}
              aria-describedby={picked.size === 0 ? noCriterionId : undefined}
            >
              {t('badges.create')}
            </button>
            {picked.size === 0 ? (
              <p id={noCriterionId} className="hint">
                {t('badges.missingCriterion')}
              </p>
            ) : null}
          </form>
          <p role="status" className="badges-page__created" ref={createdRef} tabIndex={-1}>
            {created}
          </p>
        </section>
      ) : null}
      <section className="panel" aria-labelledby="badge-awards-heading">
        <h2 id="badge-awards-heading" ref={awardsHeading}>
          {t('badges.awards')}
        </h2>
        {awards.length === 0 ? (
          <p>{t('badges.noAwards')}</p>
        ) : (
          <ScrollTable name={t('badges.awards')}>
            <CardTable
              className="badge-awards"
              columns={[
                { name: t('badges.learner'), cell: (award) => award.learner },
                {
                  name: t('badges.badge'),
                  cell: (award) =>
                    joinParts(t, [award.badgeName, award.revoked && t('badges.revoked')], 'dash'),
                },
                { name: t('badges.date'), cell: (award) => formatDate(t, award.issuedAt) },
                {
                  name: t('badges.files'),
                  className: 'badge-awards__files',
                  cell: (award) => (
                    <>
                      <BadgeDownloads award={award} />
                      {isAdmin && !award.revoked ? (
                        <ConfirmAction
                          small
                          question={t('badges.revokeReason', {
                            name: award.badgeName,
                            learner: award.learner,
                          })}
                          reason={{ label: t('badges.revokeReasonLabel'), maxLength: MAX_REVOCATION_REASON }}
                          yes={t('badges.revokeYes')}
                          no={t('account.cancel')}
                          onConfirm={(reason) => revoke(award, reason)}
                        >
                          {t('badges.revoke', { name: award.badgeName, learner: award.learner })}
                        </ConfirmAction>
                      ) : null}
                    </>
                  ),
                },
              ]}
              rows={awards}
              rowKey={(award) => award.id}
            />
          </ScrollTable>
        )}
      </section>
    </div>
  );
}

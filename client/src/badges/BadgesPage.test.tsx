import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen, within } from '@testing-library/react';
import type { AccountMe, AwardedBadge, BadgeDefinition, BadgeDefinitionRequest } from '@ecoute/protocol';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { BadgesPage } from './BadgesPage.js';
import { LearnerBadges } from './LearnerBadges.js';
import { badgesApi } from './badgesApi.js';

const award: AwardedBadge = {
  id: 'a1',
  badgeId: 'b1',
  badgeName: 'Accueillir un appel',
  learner: 'Camille',
  issuedAt: '2026-01-02T10:00:00Z',
  revoked: false,
  revocationReason: null,
  verifyUrl: 'http://localhost:1/badge/a1',
  downloads: {
    png: 'http://localhost:1/api/badges/credentials/a1/badge.png',
    svg: 'http://localhost:1/api/badges/credentials/a1/badge.svg',
    jwt: 'http://localhost:1/api/badges/credentials/a1/credential.jwt',
    ob2Png: 'http://localhost:1/api/badges/credentials/a1/badge-ob2.png',
    ob2Assertion: 'http://localhost:1/api/badges/credentials/a1',
  },
};
/** What an administrator reads, from the French catalogue. */
const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);
/** A text as `getByText` reads the page's: its no-break spaces as plain ones. */
const plain = (text: string) => text.replace(/\s+/g, ' ');
const me = (role: AccountMe['role']) => ({
  me: () =>
    Promise.resolve({
      ok: true as const,
      data: { userId: 'u', name: 'Alex', email: 'a@x', role, organizationName: 'Org', retentionDays: 365 },
    }),
});

async function settle(): Promise<void> {
  await act(async () => {
    await Promise.resolve();
    await Promise.resolve();
  });
}

function fakeApi(created: BadgeDefinitionRequest[]) {
  const badges: BadgeDefinition[] = [];
  return {
    ...badgesApi,
    definitions: () => Promise.resolve({ ok: true as const, data: { badges: [...badges] } }),
    awards: () => Promise.resolve({ ok: true as const, data: { awards: [award] } }),
    criteria: () =>
      Promise.resolve({
        ok: true as const,
        data: {
          criteria: [
            {
              scenario: 'appel-entrainement',
              scenarioTitle: "Appel d'entraînement",
              competency: 'accueil',
              competencyLabel: 'Accueil',
              criterion: 'se_presente',
              label: 'Se présenter dans la première minute',
              scenarios: [],
            },
            {
              scenario: 'appel-entrainement',
              scenarioTitle: "Appel d'entraînement",
              competency: 'ecoute',
              competencyLabel: 'Écoute active',
              criterion: 'reformule',
              label: 'Reformuler',
              scenarios: [],
            },
            // A studio-made call with the same ids: its own criterion, under its own call.
            {
              scenario: 'appel-maison',
              scenarioTitle: 'Appel maison',
              competency: 'accueil',
              competencyLabel: 'Accueil',
              criterion: 'se_presente',
              label: 'Se présente',
              scenarios: [],
            },
          ],
        },
      }),
    create: (body: BadgeDefinitionRequest) => {
      created.push(body);
      const badge = { ...body, id: 'b2', createdAt: '2026-01-01T00:00:00Z', url: 'http://x/b2' };
      badges.push(badge);
      return Promise.resolve({ ok: true as const, data: badge });
    },
  };
}

describe('BadgesPage', () => {
  it('lets an administrator define a badge from rubric criteria, and lists who earned what', async () => {
    const created: BadgeDefinitionRequest[] = [];
    renderWithSession(<BadgesPage api={fakeApi(created)} account={me('admin')} />);
    await settle();
    expect(screen.getByRole('cell', { name: 'Camille' })).toBeTruthy();
    // Downloads point at this page's origin, not the server's base.
    const png = screen.getByRole('link', { name: /Image PNG \(Open Badges 3\.0\) — Accueillir un appel/ });
    expect(png.getAttribute('href')).toBe('/api/badges/credentials/a1/badge.png');
    fireEvent.change(screen.getByLabelText(fr('badges.name')), { target: { value: 'Premier accueil' } });
    fireEvent.change(screen.getByLabelText(fr('badges.description')), {
      target: { value: 'Se présenter.' },
    });
    // No criterion ticked yet: the button is disabled and says why.
    const submit = screen.getByRole('button', { name: fr('badges.create') });
    expect(submit.hasAttribute('disabled')).toBe(true);
    expect(submit.getAttribute('aria-describedby')).not.toBeNull();
    expect(document.getElementById(submit.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      fr('badges.missingCriterion'),
    );
    // One group per call, titled by the call; the same ids in two calls are two criteria.
    const own = screen.getByRole('group', { name: 'Appel maison' });
    expect(screen.getByRole('group', { name: "Appel d'entraînement" })).toBeTruthy();
    fireEvent.click(
      within(within(own).getByRole('group', { name: 'Accueil' })).getByLabelText('Se présente'),
    );
    expect(screen.getByLabelText<HTMLInputElement>('Se présenter dans la première minute').checked).toBe(
      false,
    );
    expect(submit.hasAttribute('disabled')).toBe(false);
    expect(screen.queryByText(fr('badges.missingCriterion'))).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: fr('badges.create') }));
    });
    await settle();
    expect(created).toEqual([
      {
        name: 'Premier accueil',
        description: 'Se présenter.',
        criteria: [{ scenario: 'appel-maison', competency: 'accueil', criterion: 'se_presente' }],
        minCalls: 2,
      },
    ]);
    expect(screen.getByRole('heading', { name: 'Premier accueil' })).toBeTruthy();
    // The confirmation where the administrator is: under the form, in a status region, focused
    // (so in view), not at the top of the page.
    const newBadge = screen.getByRole('region', { name: fr('badges.new') });
    const confirmation = within(newBadge).getByRole('status');
    expect(confirmation.textContent).toMatch(/^Badge «\s?Premier accueil\s?» créé/);
    expect(document.activeElement).toBe(confirmation);
    // « Supprimer » apart from « Créer » (the danger style); one wording for the way back.
    expect(screen.getByRole('button', { name: /^Supprimer le badge/ }).className).toContain('button--danger');
    expect(screen.getByRole('link', { name: fr('nav.back.home') }).getAttribute('href')).toBe('/');
    // The rule in the plural form, the criterion with its call.
    expect(screen.getByText(plain(fr('badges.rule.other', { count: 2 })))).toBeTruthy();
    expect(screen.getByText('Appel maison — Accueil — Se présente')).toBeTruthy();
  });

  it("groups the criteria by call, closed with the count chosen in the summary, then by the rubric's section", async () => {
    renderWithSession(<BadgesPage api={fakeApi([])} account={me('admin')} />);
    await settle();
    const form = screen.getByRole('region', { name: fr('badges.new') });
    // One disclosure per call, closed: its summary says the call and how many of its criteria count.
    const disclosures = [...form.querySelectorAll('details')];
    expect(disclosures.map((d) => d.open)).toEqual([false, false]);
    const summaries = disclosures.map((d) => d.querySelector('summary')?.textContent);
    expect(summaries).toEqual([
      `Appel d'entraînement${fr('ui.separator.dash')}${fr('badges.callChosen.one', { count: 0, total: 2 })}`,
      `Appel maison${fr('ui.separator.dash')}${fr('badges.callChosen.one', { count: 0, total: 1 })}`,
    ]);
    // Each call a group named by its title, inside its disclosure; in it one group per section.
    const training = screen.getByRole('group', { name: "Appel d'entraînement" });
    expect(training.closest('details')).toBe(disclosures[0]);
    const sections = within(training).getAllByRole('group');
    expect(sections.map((g) => g.querySelector('legend')?.textContent)).toEqual(['Accueil', 'Écoute active']);
    expect(
      within(sections[1]!)
        .getAllByRole('checkbox')
        .map((c) => c.closest('label')?.textContent),
    ).toEqual([' Reformuler']);
    // Opened and ticked: the summary counts it, in the plural once two are chosen.
    fireEvent.click(disclosures[0]!.querySelector('summary')!);
    // The browser says `toggle` in a task of its own, after the click.
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(disclosures[0]!.open).toBe(true);
    fireEvent.click(within(sections[0]!).getByLabelText('Se présenter dans la première minute'));
    expect(disclosures[0]!.querySelector('summary')?.textContent).toContain(
      fr('badges.callChosen.one', { count: 1, total: 2 }),
    );
    fireEvent.click(within(sections[1]!).getByLabelText('Reformuler'));
    expect(disclosures[0]!.querySelector('summary')?.textContent).toContain(
      fr('badges.callChosen.other', { count: 2, total: 2 }),
    );
    // Unticked again, the call stays open where the person is.
    fireEvent.click(within(sections[1]!).getByLabelText('Reformuler'));
    fireEvent.click(within(sections[0]!).getByLabelText('Se présenter dans la première minute'));
    await settle();
    expect(disclosures[0]!.open).toBe(true);
    expect(disclosures[1]!.open).toBe(false);
  });

  it('shows no table when nobody earned a badge yet', async () => {
    const api = {
      ...fakeApi([]),
      awards: () => Promise.resolve({ ok: true as const, data: { awards: [] } }),
    };
    renderWithSession(<BadgesPage api={api} account={me('trainer')} />);
    await settle();
    expect(screen.getByText(fr('badges.noAwards'))).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows a trainer the badges and awards without the form', async () => {
    renderWithSession(<BadgesPage api={fakeApi([])} account={me('trainer')} />);
    await settle();
    expect(screen.getByRole('cell', { name: 'Camille' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: fr('badges.create') })).toBeNull();
  });
});

describe('BadgesPage: revoking a badge', () => {
  it('asks why in the page, sends the reason, and says it is done', async () => {
    const revoked: [string, string][] = [];
    let awards: AwardedBadge[] = [award];
    const api = {
      ...fakeApi([]),
      awards: () => Promise.resolve({ ok: true as const, data: { awards } }),
      revoke: (id: string, reason: string) => {
        revoked.push([id, reason]);
        awards = [{ ...award, revoked: true, revocationReason: reason }];
        return Promise.resolve({ ok: true as const, data: awards[0]! });
      },
    };
    renderWithSession(<BadgesPage api={api} account={me('admin')} />);
    await settle();
    const names = { name: award.badgeName, learner: award.learner };
    const button = screen.getByRole('button', { name: fr('badges.revoke', names) });
    await act(async () => {
      fireEvent.click(button);
    });
    const question = screen.getByRole('group', { name: fr('badges.revokeReason', names) });
    // The reason first: the field has the focus, « Révoquer le badge » waits for it.
    const field = within(question).getByRole('textbox', { name: fr('badges.revokeReasonLabel') });
    expect(document.activeElement).toBe(field);
    const yes = within(question).getByRole('button', { name: fr('badges.revokeYes') }) as HTMLButtonElement;
    expect(yes.disabled).toBe(true);
    fireEvent.change(field, { target: { value: '   ' } });
    expect(yes.disabled).toBe(true);
    fireEvent.change(field, { target: { value: '  Attribué par erreur ' } });
    expect(yes.disabled).toBe(false);
    expect(revoked).toEqual([]);
    // Enter in the field answers.
    await act(async () => {
      fireEvent.submit(field.closest('form')!);
    });
    await settle();
    expect(revoked).toEqual([['a1', 'Attribué par erreur']]);
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain(
      fr('badges.revokedStatus', names),
    );
    expect(screen.queryByRole('button', { name: fr('badges.revoke', names) })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: fr('badges.awards') }));
  });

  it('revokes nothing when cancelled, the focus back on its button', async () => {
    let revoked = 0;
    const api = {
      ...fakeApi([]),
      revoke: () => {
        revoked += 1;
        return Promise.resolve({ ok: true as const, data: award });
      },
    };
    renderWithSession(<BadgesPage api={api} account={me('admin')} />);
    await settle();
    const names = { name: award.badgeName, learner: award.learner };
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: fr('badges.revoke', names) }));
    });
    fireEvent.change(screen.getByRole('textbox', { name: fr('badges.revokeReasonLabel') }), {
      target: { value: 'erreur' },
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: fr('account.cancel') }));
    });
    expect(revoked).toBe(0);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: fr('badges.revoke', names) }));
  });
});

describe('LearnerBadges', () => {
  it("lists the learner's badges with their files, nothing when there is none", async () => {
    const { unmount } = renderWithSession(
      <LearnerBadges
        sessionId="s1"
        token="t"
        api={{ learnerBadges: () => Promise.resolve({ ok: true, data: { awards: [award] } }) }}
      />,
    );
    await settle();
    expect(screen.getByRole('heading', { name: fr('badges.learner.heading') })).toBeTruthy();
    expect(screen.getByRole('link', { name: fr('badges.verifyLink') }).getAttribute('href')).toBe(
      '/badge/a1',
    );
    unmount();
    renderWithSession(
      <LearnerBadges
        sessionId="s1"
        token="t"
        api={{ learnerBadges: () => Promise.resolve({ ok: true, data: { awards: [] } }) }}
      />,
    );
    await settle();
    expect(screen.queryByRole('heading', { name: fr('badges.learner.heading') })).toBeNull();
  });
});

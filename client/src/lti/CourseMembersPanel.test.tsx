import { describe, expect, it } from '@jest/globals';
import { act, screen, within } from '@testing-library/react';
import type { CourseMembers } from '@ecoute/protocol';
import { renderWithSession } from '../test/renderWithSession.js';
import type { ApiResult } from '../ui/requestJson.js';
import { CourseMembersPanel } from './CourseMembersPanel.js';
import { launchedFromPlatform } from './launchedFromPlatform.js';

async function settle(): Promise<void> {
  await act(async () => {
    await Promise.resolve();
    await Promise.resolve();
  });
}

const answering = (result: ApiResult<CourseMembers>, asked: (string | undefined)[] = []) => ({
  members: (_id: string, token: string | undefined) => {
    asked.push(token);
    return Promise.resolve(result);
  },
});

describe('CourseMembersPanel', () => {
  it("lists the course's members with what each did, pseudonyms and inactive members said", async () => {
    const asked: (string | undefined)[] = [];
    const data: CourseMembers = {
      course: 'Médiation numérique',
      members: [
        {
          name: 'Camille',
          pseudonym: false,
          role: 'learner',
          active: true,
          calls: 2,
          ended: 1,
          scoreSent: true,
          badges: ['Accueillir un appel'],
        },
        {
          name: 'Mésange 42',
          pseudonym: true,
          role: 'learner',
          active: true,
          calls: 0,
          ended: 0,
          scoreSent: false,
          badges: [],
        },
        {
          name: 'Sacha',
          pseudonym: false,
          role: 'learner',
          active: false,
          calls: 0,
          ended: 0,
          scoreSent: false,
          badges: [],
        },
      ],
    };
    renderWithSession(
      <CourseMembersPanel sessionId="s1" token="t1" launched api={answering({ ok: true, data }, asked)} />,
    );
    await settle();
    expect(asked).toEqual(['t1']);
    expect(
      screen.getByRole('heading', { name: /Participant·es du cours.+Médiation numérique/ }),
    ).not.toBeNull();
    const table = screen.getByRole('table');
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.textContent?.replace(/\u00a0/g, ' '));
    expect(rows).toEqual([
      'CamilleApprenant·e2 appels, 1 terminéRenvoyée à la plateformeAccueillir un appel',
      'Mésange 42 · pseudonymeApprenant·ePas encore jouéPas encoreAucun',
      'Sacha · inactif·veApprenant·ePas encore jouéPas encoreAucun',
    ]);
  });

  it('asks nothing on the console of a session no platform opened', async () => {
    const asked: (string | undefined)[] = [];
    const { container } = renderWithSession(
      <CourseMembersPanel sessionId="s1" token="t1" api={answering({ ok: false, code: 'x' }, asked)} />,
    );
    await settle();
    expect(asked).toEqual([]);
    expect(container.querySelector('.course-members')).toBeNull();
  });

  it('knows a platform opened it from the launch link (`l=1`), also after the fragment is gone', async () => {
    expect(launchedFromPlatform('/animation/s9', '#k=tok&n=Alex&l=1')).toBe(true);
    expect(launchedFromPlatform('/animation/s9', '')).toBe(true); // kept for this tab
    expect(launchedFromPlatform('/animation/s8', '#k=tok&n=Alex')).toBe(false);
  });

  it('shows nothing for a launched session without the service, and says when the platform did not answer', async () => {
    const { container, unmount } = renderWithSession(
      <CourseMembersPanel
        sessionId="s1"
        token="t1"
        launched
        api={answering({ ok: false, code: 'lti/no_membership_service' })}
      />,
    );
    await settle();
    expect(container.querySelector('.course-members')).toBeNull();
    unmount();
    renderWithSession(
      <CourseMembersPanel
        sessionId="s1"
        token="t1"
        launched
        api={answering({ ok: false, code: 'lti/membership_failed' })}
      />,
    );
    await settle();
    expect(screen.getByRole('alert').textContent).toContain("La plateforme n'a pas répondu");
  });
});

// The times of the trainer's transcript before and after the pickup: the joins while the phone
// rings read `transcript.beforePickup` (there is no call time yet), the same once it is picked up, and
// call time starts at the pickup, so that no time on screen goes backwards. The debrief's
// transcript reads the same. The entries carry their own session times: no clock runs here.
import { describe, expect, it } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import type { TimelineEntry } from '@ecoute/engine';
import { translate } from '../i18n/catalogue.js';
import { fakeSession } from '../test/fakeSession.js';
import { inputEntry, lineEntry, trainerView } from '../test/fixtures.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { TrainerPage } from './TrainerPage.js';

const ringing: TimelineEntry[] = [
  inputEntry(1, { kind: 'join', name: 'Camille' }, 'trainer', 0),
  inputEntry(2, { kind: 'join', name: 'Inès' }, 'listener', 30_000),
  inputEntry(3, { kind: 'join', name: 'Marc' }, 'observer', 41_000),
];
const pickedUp: TimelineEntry[] = [
  ...ringing,
  inputEntry(4, { kind: 'pickup' }, 'listener', 42_000),
  { ...lineEntry(5, 'Allô ?'), t: 42_000 },
  inputEntry(6, { kind: 'say', text: 'Bonjour, je vous écoute.' }, 'listener', 47_000),
];

const BEFORE = translate('fr', 'transcript.beforePickup');

function transcriptTimes(): string[] {
  const transcript = within(screen.getByRole('log', { name: translate('fr', 'transcript.heading') }));
  return transcript.getAllByRole('listitem').map((item) => item.querySelector('.entry__time')!.textContent!);
}

describe('the times of the trainer’s transcript around the pickup', () => {
  it('while the phone rings, the joins read the before-pickup mark, not session time', () => {
    renderWithSession(<TrainerPage />, {
      session: fakeSession({ view: trainerView({ phase: 'ringing', t: 41_000 }), entries: ringing }),
    });
    expect(transcriptTimes()).toEqual([BEFORE, BEFORE, BEFORE]);
  });

  it('after the pickup, the joins keep their mark and call time starts at 0:00', () => {
    renderWithSession(<TrainerPage />, {
      session: fakeSession({ view: trainerView({ t: 47_000 }), entries: pickedUp }),
    });
    expect(transcriptTimes()).toEqual([BEFORE, BEFORE, BEFORE, '0:00', '0:00', '0:05']);
  });

  it('in English too, through the catalogue', () => {
    renderWithSession(<TrainerPage />, {
      lang: 'en',
      session: fakeSession({ view: trainerView({ t: 47_000 }), entries: pickedUp }),
    });
    const transcript = within(screen.getByRole('log', { name: translate('en', 'transcript.heading') }));
    const times = transcript
      .getAllByRole('listitem')
      .map((item) => item.querySelector('.entry__time')!.textContent!);
    const before = translate('en', 'transcript.beforePickup');
    expect(before).not.toBe(BEFORE);
    expect(times.slice(0, 4)).toEqual([before, before, before, '0:00']);
  });
});

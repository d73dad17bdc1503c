// A cell of the group debrief opens that call's debrief at its moment (`?seq=`): the debrief
// view then starts at that entry instead of the end (times on the call clock: from the pick-up,
// 5 s into the fixture's session).
import { describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import { renderWithSession } from '../test/renderWithSession.js';
import { FakeDebriefApi, RecordingCanvas, debriefFixture } from '../debrief/debriefFixture.js';
import { DebriefView } from '../debrief/DebriefView.js';

function renderAt(initialSeq: number | undefined) {
  const api = new FakeDebriefApi(debriefFixture());
  return renderWithSession(
    <DebriefView
      initial={api.debrief}
      api={api}
      renderGraph={() => <div />}
      canvas2d={new RecordingCanvas().canvas2d}
      initialSeq={initialSeq}
    />,
  );
}

const momentHeading = () => screen.getByRole('heading', { level: 2, name: /^À / });

describe('the debrief opened at a moment', () => {
  it('starts at the entry of `initialSeq`', () => {
    renderAt(5);
    expect(momentHeading().textContent).toBe('À 0:04');
  });

  it('starts at the end without one', () => {
    renderAt(undefined);
    expect(momentHeading().textContent).toBe('À 0:25');
  });
});

import { describe, expect, it } from '@jest/globals';
import { render, screen, waitFor } from '@testing-library/react';
import { useValueAfterPaint } from './useValueAfterPaint.js';

function Shown({ value }: { value: number }) {
  return <p>{useValueAfterPaint(value)}</p>;
}

describe('useValueAfterPaint', () => {
  it('shows a new value only after the frame that followed it, the last of quick changes', async () => {
    const { rerender } = render(<Shown value={1} />);
    expect(screen.getByText('1')).toBeTruthy();
    rerender(<Shown value={2} />);
    rerender(<Shown value={3} />);
    // Not in the render of the change itself: the frame paints without it.
    expect(screen.getByText('1')).toBeTruthy();
    await waitFor(() => expect(screen.getByText('3')).toBeTruthy());
    expect(screen.queryByText('2')).toBeNull();
  });
});

// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PREVIEW_ASKED_ABOVE, SharePreview } from '../../src/ui/SharePreview';

describe("the Share dialog's live preview", () => {
  it('opens at once for a dataset of up to PREVIEW_ASKED_ABOVE events', () => {
    render(<SharePreview src="/?embed=1" title="Border talks" events={PREVIEW_ASKED_ABOVE} />);
    expect(screen.getByTitle('Preview: Border talks')).toHaveAttribute('src', '/?embed=1');
    expect(screen.queryByRole('button', { name: 'Show the preview' })).toBeNull();
  });

  it('waits to be asked for a larger dataset, says why, and opens when asked', async () => {
    const user = userEvent.setup();
    render(<SharePreview src="/?embed=1" title="Border talks" events={1_000_000} />);
    // Nothing is loaded until the reader asks: the preview would open a million events again in this page.
    expect(screen.queryByTitle('Preview: Border talks')).toBeNull();
    expect(screen.getByText(/opens all 1,000,000 events again/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show the preview' }));
    expect(screen.getByTitle('Preview: Border talks')).toHaveAttribute('src', '/?embed=1');
  });
});

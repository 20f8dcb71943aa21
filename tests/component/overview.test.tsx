// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { OverviewStrip } from '../../src/timeline/components/OverviewStrip';
import { fitWindow, spanOf, zoomLimitsFor, type TimeWindow } from '../../src/timeline/core/timeWindow';

// Calendar dates built in UTC from their fields, so the test reads the same in any zone.
const utc = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day);
const data = { start: utc(2024, 8, 6), end: utc(2024, 11, 26) };
const extent = fitWindow(data);
const limits = zoomLimitsFor(data);
const visible = { start: utc(2024, 10, 20), end: utc(2024, 11, 26) };
const ranges = [
  { start: utc(2024, 8, 6), end: utc(2024, 8, 7) },
  { start: utc(2024, 11, 17), end: utc(2024, 11, 18) },
];

function renderStrip(window: TimeWindow = visible) {
  const onWindow = vi.fn<(w: TimeWindow) => void>();
  const user = userEvent.setup();
  render(<OverviewStrip extent={extent} window={window} limits={limits} ranges={ranges} onWindow={onWindow} />);
  return { user, onWindow, group: screen.getByRole('group', { name: 'Overview of the whole timeline' }) };
}

const lastWindow = (onWindow: { mock: { calls: TimeWindow[][] } }): TimeWindow => {
  const call = onWindow.mock.calls.at(-1);
  if (!call?.[0]) throw new Error('onWindow was not called');
  return call[0];
};

describe('the overview strip', () => {
  it('is a group holding the brush and its two edge handles as sliders', () => {
    const { group } = renderStrip();
    const sliders = within(group).getAllByRole('slider');
    expect(sliders.map((s) => s.getAttribute('aria-label'))).toEqual(['Start of visible window', 'Visible window', 'End of visible window']);
    for (const slider of sliders) expect(slider).toHaveAttribute('tabindex', '0');
  });

  it('names the visible dates in the sliders’ value text and gives their values in ms', () => {
    const { group } = renderStrip();
    const brush = within(group).getByRole('slider', { name: 'Visible window' });
    expect(brush).toHaveAttribute('aria-valuetext', 'Oct 20, 2024 – Nov 25, 2024');
    expect(brush).toHaveAttribute('aria-valuenow', String(visible.start));
    expect(brush).toHaveAttribute('aria-valuemin', String(Math.round(extent.start)));
    expect(within(group).getByRole('slider', { name: 'Start of visible window' })).toHaveAttribute('aria-valuetext', 'Oct 20, 2024');
    expect(within(group).getByRole('slider', { name: 'End of visible window' })).toHaveAttribute('aria-valuetext', 'Nov 25, 2024');
  });

  it('ArrowRight on the brush asks for a later window of the same span', async () => {
    const { user, onWindow, group } = renderStrip({ start: utc(2024, 9, 1), end: utc(2024, 10, 1) });
    act(() => within(group).getByRole('slider', { name: 'Visible window' }).focus());
    await user.keyboard('{ArrowRight}');
    expect(onWindow).toHaveBeenCalledTimes(1);
    const next = lastWindow(onWindow);
    expect(next.start).toBeGreaterThan(utc(2024, 9, 1));
    expect(spanOf(next)).toBeCloseTo(utc(2024, 10, 1) - utc(2024, 9, 1), -1);
  });

  it('Home moves the brush to the start of the whole timeline', async () => {
    const { user, onWindow, group } = renderStrip();
    act(() => within(group).getByRole('slider', { name: 'Visible window' }).focus());
    await user.keyboard('{Home}');
    const next = lastWindow(onWindow);
    expect(next.start).toBeCloseTo(extent.start, -1);
    expect(spanOf(next)).toBeCloseTo(spanOf(visible), -1);
  });

  it('ArrowLeft on the end handle pulls in only the end', async () => {
    const { user, onWindow, group } = renderStrip();
    act(() => within(group).getByRole('slider', { name: 'End of visible window' }).focus());
    await user.keyboard('{ArrowLeft}');
    const next = lastWindow(onWindow);
    expect(next.start).toBeCloseTo(visible.start, -1);
    expect(next.end).toBeLessThan(visible.end);
  });

  it('dragging the brush pans the window by the dragged share of the whole timeline', () => {
    const { onWindow, group } = renderStrip({ start: utc(2024, 9, 1), end: utc(2024, 10, 1) });
    const brush = within(group).getByRole('slider', { name: 'Visible window' });
    // jsdom has no layout: the strip is the 960 px fallback wide, so 96 px is a tenth of the extent.
    fireEvent.pointerDown(brush, { pointerId: 1, button: 0, clientX: 300 });
    fireEvent.pointerMove(brush, { pointerId: 1, clientX: 396 });
    fireEvent.pointerUp(brush, { pointerId: 1, clientX: 396 });
    expect(onWindow).toHaveBeenCalledTimes(1);
    expect(lastWindow(onWindow).start).toBeCloseTo(utc(2024, 9, 1) + spanOf(extent) / 10, -1);
  });

  it('pressing the strip beside the brush centres the window there', () => {
    const { onWindow, group } = renderStrip();
    // The strip itself is presentational (no role): reach it as the brush's container.
    const strip = within(group).getByRole('slider', { name: 'Visible window' }).parentElement;
    if (!strip) throw new Error('the brush has no strip');
    fireEvent.pointerDown(strip, { pointerId: 2, button: 0, clientX: 480 });
    fireEvent.pointerUp(strip, { pointerId: 2, clientX: 480 });
    const next = lastWindow(onWindow);
    expect((next.start + next.end) / 2).toBeCloseTo((extent.start + extent.end) / 2, -1);
    expect(spanOf(next)).toBeCloseTo(spanOf(visible), -1);
  });
});

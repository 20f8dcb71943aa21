// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import { bundledText, renderApp, timelineMarks, titleOf } from './renderApp';
import { loadDatasetFromText } from '../../src/data/readDataset';

describe('exploring the timeline', () => {
  it('shows the dataset title, the timeline, the details and the source', async () => {
    await renderApp();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(/Kursk/);
    expect(screen.getByRole('region', { name: /timeline/i })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Event details' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Source' })).toBeInTheDocument();
    for (const name of ['Zoom in', 'Zoom out', 'Fit all']) expect(screen.getByRole('button', { name })).toBeInTheDocument();
  });

  it('clicking an event mark opens its details, marks it pressed and announces it', async () => {
    const { user } = await renderApp({ search: '?from=2024-11-10&to=2024-11-22' });
    const title = titleOf('zelenskyy-says-missiles-will-speak');
    const mark = screen.getByRole('button', { name: `${title}, Nov 17, 2024` });
    await user.click(mark);

    const details = screen.getByRole('region', { name: 'Event details' });
    expect(within(details).getByRole('heading', { level: 3 })).toHaveTextContent(title);
    expect(within(details).getByText('Nov 17, 2024')).toBeInTheDocument();
    expect(within(details).getByText(/“on Sunday”/)).toBeInTheDocument();
    expect(within(details).getByText(/Strikes are not made with words/)).toBeInTheDocument();
    expect(mark).toHaveAttribute('aria-pressed', 'true');
    expect(document.querySelector('[aria-live="polite"]')).toHaveTextContent(`Selected: ${title}, Nov 17, 2024`);
    expect(window.location.search).toContain('event=zelenskyy-says-missiles-will-speak');
  });

  it('writes dates no more precisely than they are known', async () => {
    const { user } = await renderApp({ search: '?event=us-security-assistance-since-invasion' });
    const details = screen.getByRole('region', { name: 'Event details' });
    expect(within(details).getByText('between Feb 2022 and Nov 18, 2024')).toBeInTheDocument();
    await user.click(within(details).getByRole('button', { name: 'Next event' }));
    await waitFor(() => expect(within(details).getByRole('heading', { level: 3 })).not.toHaveTextContent(/56.2 billion/));
  });

  it('arrow keys move focus through events in time order and Enter opens the focused one', async () => {
    const { dataset } = await loadDatasetFromText(bundledText);
    const order = dataset?.events.map((e) => e.title) ?? [];
    const { user } = await renderApp();
    const focusedName = () => (document.activeElement as HTMLElement | null)?.getAttribute('aria-label') ?? '';

    // The timeline is one Tab stop: exactly one mark is in the tab order.
    const stops = timelineMarks().filter((b) => b.tabIndex === 0);
    expect(stops).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Fit all' }));
    await user.tab();
    expect(document.activeElement).toBe(stops[0]);

    await user.keyboard('{Home}');
    await waitFor(() => expect(focusedName()).toContain(order[0]));
    for (let i = 1; i <= 3; i++) {
      await user.keyboard('{ArrowRight}');
      await waitFor(() => expect(focusedName()).toContain(order[i]));
    }
    await user.keyboard('{ArrowLeft}');
    await waitFor(() => expect(focusedName()).toContain(order[2]));

    await user.keyboard('{End}');
    await waitFor(() => expect(focusedName()).toContain(order[order.length - 1]));
    // Zoom in on the last event until it stands alone, then Enter opens it.
    for (let i = 0; i < 12 && !focusedName().startsWith(order[order.length - 1] ?? '-'); i++) await user.keyboard('+');
    await user.keyboard('{Enter}');
    const details = screen.getByRole('region', { name: 'Event details' });
    await waitFor(() => expect(within(details).getByRole('heading', { level: 3 })).toHaveTextContent(order[order.length - 1] ?? '-'));

    await user.keyboard('{Escape}');
    await waitFor(() => expect(within(details).queryByRole('heading', { level: 3 })).toBeNull());
  });

  it('clicking a highlight in the source selects its event and the link runs both ways', async () => {
    const { user } = await renderApp();
    const source = screen.getByRole('region', { name: 'Source' });
    const highlight = source.querySelector('mark[data-event-id="ap-reports-authorization"]');
    expect(highlight).not.toBeNull();
    await user.click(within(highlight as HTMLElement).getByRole('link'));

    const details = screen.getByRole('region', { name: 'Event details' });
    expect(within(details).getByRole('heading', { level: 3 })).toHaveTextContent(/Associated Press/);
    expect(source.querySelector('mark.is-current[data-event-id="ap-reports-authorization"]')).not.toBeNull();
    // Brought into view on the timeline: its mark (or the cluster holding it) is rendered.
    const timeline = screen.getByRole('region', { name: /timeline/i });
    expect(within(timeline).getAllByRole('button', { name: /Associated Press/ }).length).toBeGreaterThan(0);
  });

  it('restores selection and window from the URL, and Back steps to the previous selection', async () => {
    const { user } = await renderApp({ search: '?event=ap-reports-authorization&from=2024-11-10&to=2024-11-20' });
    const details = screen.getByRole('region', { name: 'Event details' });
    expect(within(details).getByRole('heading', { level: 3 })).toHaveTextContent(/Associated Press/);
    expect(screen.getByText('November 2024')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /^Zelenskyy: “The missiles will speak/ }));
    expect(window.location.search).toContain('event=zelenskyy-says-missiles-will-speak');
    expect(window.location.search).toContain('from=2024-11-10');

    act(() => window.history.back());
    await waitFor(() => expect(within(details).getByRole('heading', { level: 3 })).toHaveTextContent(/Associated Press/));
  });

  it('ignores an unknown event in the URL instead of failing', async () => {
    await renderApp({ search: '?event=no-such-event' });
    const details = screen.getByRole('region', { name: 'Event details' });
    expect(within(details).getByText(/Select an event/)).toBeInTheDocument();
  });

  it('opens where the story starts, Zoom in narrows the window and Fit all shows the whole dataset', async () => {
    const { user } = await renderApp();
    // The bundled dataset opens on November 2024 (its opening view), so the URL names no window yet.
    expect(window.location.search).not.toContain('from=');
    await user.click(screen.getByRole('button', { name: 'Zoom in' }));
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('from')).toMatch(/^2024-1[01]/), { timeout: 2000 });
    await user.click(screen.getByRole('button', { name: 'Fit all' }));
    // The whole dataset starts with the invasion of February 2022.
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('from')).toMatch(/^202[12]-/), { timeout: 2000 });
  });
});

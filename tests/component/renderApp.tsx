import { readFileSync } from 'node:fs';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect } from 'vitest';
import { App } from '../../src/App';

export const bundledText = readFileSync('data/kursk-2024.json', 'utf8');

export interface DatasetJson {
  events: { id: string; title: string; date: string; excerpts: { quote: string }[] }[];
  [key: string]: unknown;
}

export const bundledJson = (): DatasetJson => JSON.parse(bundledText) as DatasetJson;

export function titleOf(id: string): string {
  const event = bundledJson().events.find((e) => e.id === id);
  if (!event) throw new Error(`the bundled dataset has no event "${id}"`);
  return event.title;
}

/** Renders the app at a URL, as a reader opening a link would, and waits for the timeline. */
export async function renderApp(
  options: {
    search?: string;
    datasetText?: string;
    /** How long checking a large dataset may take, in ms. */
    loadTimeout?: number;
    /** false: return while the dataset is still loading (to test the loading screen). */
    waitForLoad?: boolean;
  } = {},
) {
  window.history.replaceState(null, '', `/${options.search ?? ''}`);
  const user = userEvent.setup();
  const utils = render(<App datasetText={options.datasetText ?? bundledText} />);
  if (options.waitForLoad === false) return { user, ...utils };
  // A machine busy with other work can take seconds to check a dataset of thousands of events.
  // Loaded when the loading card is gone and the page has its heading (the explorer is rendered as a transition).
  await waitFor(
    () => {
      expect(screen.queryByText(/^(Loading the timeline…|Checking events|Handing events|Drawing the timeline)/)).toBeNull();
      expect(screen.getByRole('heading', { level: 1 })).toBeTruthy();
    },
    { timeout: options.loadTimeout ?? 15_000 },
  );
  return { user, ...utils };
}

/** The timeline's marks as a screen reader finds them: the buttons in its lane groups ("Ukraine: 12 marks"). */
export function timelineMarks(): HTMLElement[] {
  const timeline = screen.getByRole('region', { name: /timeline/i });
  return within(timeline)
    .getAllByRole('group', { name: /: \d+ marks?$/ })
    .flatMap((lane) => within(lane).queryAllByRole('button'));
}

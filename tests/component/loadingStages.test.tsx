// @vitest-environment jsdom
// The loading screen says what loading is doing. A large spreadsheet is split into rows before its rows are
// converted: that took seconds with the screen still on the file's last byte, so it has words of its own.
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import { LanguageProvider } from '../../src/i18n/LanguageProvider';
import { LoadingScreen } from '../../src/ui/LoadingScreen';
import type { LoadProgress } from '../../src/data/loadProtocol';

function showing(progress: LoadProgress, language: string) {
  return render(
    <LanguageProvider requested={language} onChoose={() => {}}>
      <LoadingScreen progress={progress} source="events.csv" cancel={null} />
    </LanguageProvider>,
  );
}

describe('the loading screen while a spreadsheet is split into rows', () => {
  it('says how far through the text it is, with a bar that moves, in English', () => {
    showing({ stage: 'splitting', done: 90_500_000, total: 200_000_000 }, 'en');
    expect(screen.getByRole('status')).toHaveTextContent('Reading the spreadsheet’s rows: 45%');
    const bar = screen.getByRole('progressbar');
    expect(bar).toHaveAttribute('value', '90500000');
    expect(bar).toHaveAttribute('max', '200000000');
  });

  it('says the same in Ukrainian', async () => {
    showing({ stage: 'splitting', done: 1, total: 2 }, 'uk');
    // The Ukrainian strings load when chosen.
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Читаємо рядки таблиці: 50 %'));
  });
});

describe('the loading screen while the sources are handed to the page', () => {
  it('counts them, in English and in Ukrainian', async () => {
    const { unmount } = showing({ stage: 'sendingSources', done: 4_000, total: 19_992 }, 'en');
    expect(screen.getByRole('status')).toHaveTextContent('Handing sources to the page: 4,000 of 19,992');
    expect(screen.getByRole('progressbar')).toHaveAttribute('value', '4000');
    unmount();
    showing({ stage: 'sendingSources', done: 4_000, total: 19_992 }, 'uk');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/Передаємо джерела сторінці: 4\s000 з\s19\s992/));
  });
});

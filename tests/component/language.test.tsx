// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/App';
import { LanguageProvider } from '../../src/i18n/LanguageProvider';
import { readLanguageParam } from '../../src/state/urlState';
import { writeLanguageToAddress } from '../../src/state/addressBar';
import { bundledText } from './renderApp';

async function renderWithLanguages(search = '') {
  window.history.replaceState(null, '', `/${search}`);
  const user = userEvent.setup();
  render(
    // Wired as main.tsx wires it: the address asks for a language and carries the reader's choice.
    <LanguageProvider requested={readLanguageParam(window.location.search)} onChoose={writeLanguageToAddress}>
      <App datasetText={bundledText} />
    </LanguageProvider>,
  );
  // The first render loads the dataset and the interface's lazy chunks: on a busy machine, more than findBy's 1 s.
  await screen.findByRole('button', { name: /^(Zoom in|Збільшити)$/ }, { timeout: 10_000 });
  return user;
}

describe('interface language', { timeout: 30_000 }, () => {
  it('is English for an English browser, and the switcher turns the interface Ukrainian', async () => {
    const user = await renderWithLanguages();
    expect(document.documentElement.lang).toBe('en');
    const language = screen.getByRole('combobox', { name: 'Language' });
    expect(screen.getByRole('heading', { name: 'Event details' })).toBeInTheDocument();

    await user.selectOptions(language, 'Українська');

    // The Ukrainian messages are a chunk loaded on demand: on a busy machine that takes more than findBy's 1 s.
    expect(await screen.findByRole('button', { name: 'Збільшити' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Подробиці події' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Мова' })).toHaveValue('uk');
    expect(screen.queryByRole('button', { name: 'Zoom in' })).toBeNull();
    // The page's language and the URL follow in effects after that render.
    await waitFor(() => expect(document.documentElement.lang).toBe('uk'));
    // The choice is in the URL, so a link made now opens in Ukrainian.
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('lang')).toBe('uk'));
    // The dataset's own Ukrainian title, marked as Ukrainian.
    expect(screen.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'uk');
  });

  it('opens in Ukrainian from ?lang=uk, with Ukrainian dates and translated event titles', async () => {
    const user = await renderWithLanguages('?lang=uk&event=russia-invades-ukraine');
    expect(screen.getByRole('button', { name: 'Збільшити' })).toBeInTheDocument();
    const details = screen.getByRole('region', { name: 'Подробиці події' });
    expect(details).toHaveTextContent('лютий 2022');
    expect(screen.getByRole('heading', { name: 'Російські війська вторгаються в Україну' })).toHaveAttribute('lang', 'uk');
    await user.click(screen.getByRole('tab', { name: 'Список' }));
    expect(screen.getByText('30 подій')).toBeInTheDocument();
  });
});

describe('downloads in Ukrainian', () => {
  // jsdom has <dialog> but not its modal methods; these do what the browser does to the element itself.
  beforeAll(() => {
    HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
      this.open = true;
    };
    HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
      this.open = false;
      this.dispatchEvent(new Event('close'));
    };
  });

  it('names the Share dialog’s download buttons in Ukrainian, with the count of events the filters leave', async () => {
    const user = await renderWithLanguages('?lang=uk');
    await user.click(screen.getByRole('button', { name: 'Поширити / Вбудувати' }));
    const dialog = await screen.findByRole('dialog', { name: 'Поширити або вбудувати цей вигляд' });
    const downloads = await within(dialog).findByRole('region', { name: 'Завантажити' });
    for (const name of ['Події у форматі CSV (30 подій)', 'Події у форматі JSON (30 подій)', 'Вигляд у форматі SVG', 'Вигляд у форматі PNG (розмір ×2)']) {
      expect(within(downloads).getByRole('button', { name })).toBeInTheDocument();
    }
    expect(downloads).toHaveTextContent('Дані містять події, які залишають фільтри й пошук');
    // No English label left among them.
    for (const button of within(downloads).getAllByRole('button')) expect(button.textContent).not.toMatch(/Events|View|size/);
  });

  it('counts the events a search leaves with the Ukrainian plural forms', async () => {
    const user = await renderWithLanguages('?lang=uk&q=Kursk');
    await user.click(screen.getByRole('button', { name: 'Поширити / Вбудувати' }));
    const dialog = await screen.findByRole('dialog', { name: 'Поширити або вбудувати цей вигляд' });
    const csv = await within(dialog).findByRole('button', { name: /^Події у форматі CSV/ });
    const count = Number(/\((\d+) под/.exec(csv.textContent)?.[1]);
    const form = new Intl.PluralRules('uk').select(count);
    expect(csv).toHaveTextContent(`(${count} ${{ one: 'подія', few: 'події', many: 'подій' }[form as 'one' | 'few' | 'many']})`);
    expect(count).toBeLessThan(30);
  });
});

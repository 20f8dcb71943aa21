// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/App';
import { LanguageProvider } from '../../src/i18n/LanguageProvider';
import { bundledText } from './renderApp';

async function renderWithLanguages(search = '') {
  window.history.replaceState(null, '', `/${search}`);
  const user = userEvent.setup();
  render(
    <LanguageProvider>
      <App datasetText={bundledText} />
    </LanguageProvider>,
  );
  await screen.findByRole('button', { name: /^(Zoom in|Збільшити)$/ });
  return user;
}

describe('interface language', () => {
  it('is English for an English browser, and the switcher turns the interface Ukrainian', async () => {
    const user = await renderWithLanguages();
    expect(document.documentElement.lang).toBe('en');
    const language = screen.getByRole('combobox', { name: 'Language' });
    expect(screen.getByRole('heading', { name: 'Event details' })).toBeInTheDocument();

    await user.selectOptions(language, 'Українська');

    expect(await screen.findByRole('button', { name: 'Збільшити' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Подробиці події' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Мова' })).toHaveValue('uk');
    expect(screen.queryByRole('button', { name: 'Zoom in' })).toBeNull();
    expect(document.documentElement.lang).toBe('uk');
    // The choice is in the URL, so a link made now opens in Ukrainian.
    expect(new URLSearchParams(window.location.search).get('lang')).toBe('uk');
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

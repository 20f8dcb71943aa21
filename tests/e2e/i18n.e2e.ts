import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { join } from 'node:path';
import { artifactsDir, collectPageErrors, sharedBrowser, desktopViewport, phoneViewport, saveScreenshot, type NewPageOptions } from './support/browser';
import { readFileSync } from 'node:fs';
import { formatViolations, runAxe } from './support/axe';
import { dataUrl, serveDatasets } from './support/datasets';

const baseURL = inject('baseURL');
const chromium = sharedBrowser();

async function open(path: string, options: Omit<NewPageOptions, 'baseURL'> = {}) {
  const page = await chromium.page({ baseURL, viewport: desktopViewport, ...options });
  const errors = collectPageErrors(page);
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  await page.goto(path);
  await page.getByLabel(/^(Timeline of|Хронологія:)/).first().waitFor();
  return { page, errors, scripts };
}

/** Elements that stick out of the page sideways, or text cut off inside its box. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width + 1) out.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    for (const el of document.querySelectorAll<HTMLElement>('button, label, summary, select, h1, h2, p, a, [role="tab"]')) {
      if (el.closest('.timeline-frame, .overview, .visually-hidden, dialog:not([open])')) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0) continue;
      if (box.right > width + 1) out.push(`${el.tagName.toLowerCase()} "${el.textContent?.slice(0, 30) ?? ''}" ends at ${Math.round(box.right)} of ${width}`);
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'hidden') out.push(`${el.tagName.toLowerCase()} "${el.textContent?.slice(0, 30) ?? ''}" is cut off`);
    }
    return out;
  });
}

describe('the interface in Ukrainian', () => {
  it('opens in Ukrainian from ?lang=uk: names, dates, <html lang>, and no axe violations', async () => {
    const { page, errors } = await open('/?lang=uk&event=russia-invades-ukraine');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('uk');
    await page.getByRole('region', { name: /^Хронологія: Байден дозволяє Україні/ }).waitFor();
    for (const name of ['Збільшити', 'Зменшити', 'Показати все', 'Поширити / Вбудувати']) await page.getByRole('button', { name, exact: true }).waitFor();
    await page.getByRole('searchbox', { name: 'Пошук подій' }).waitFor();
    await page.getByRole('tab', { name: 'Хронологія' }).waitFor();
    const details = page.getByRole('region', { name: 'Подробиці події' });
    await expect.poll(() => details.textContent()).toContain('лютий 2022');
    expect(await details.getByRole('heading', { level: 3 }).getAttribute('lang')).toBe('uk');
    // The axis names months in Ukrainian.
    expect((await page.locator('.axis text').allTextContents()).join(' ')).toMatch(/листоп|лют|2024/);
    expect(await page.getByRole('combobox', { name: 'Мова' }).inputValue()).toBe('uk');

    let violations = await runAxe(page);
    expect(violations, formatViolations(violations)).toEqual([]);
    await page.getByText('Фільтр за учасниками').click();
    await page.getByRole('group', { name: 'Учасники' }).waitFor();
    await page.getByRole('tab', { name: 'Список' }).click();
    await page.getByRole('tabpanel').getByText(/^\d+ поді/).first().waitFor();
    violations = await runAxe(page);
    expect(violations, formatViolations(violations)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('follows a Ukrainian browser without ?lang, and English readers never download Ukrainian', async () => {
    const uk = await open('/', { context: { locale: 'uk-UA' } });
    await uk.page.getByRole('button', { name: 'Збільшити' }).waitFor();
    expect(uk.scripts.some((path) => /\/uk-[\w-]+\.js$/.test(path))).toBe(true);

    const en = await open('/');
    await en.page.getByRole('button', { name: 'Zoom in' }).waitFor();
    expect(await en.page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(en.scripts.filter((path) => /\/uk-[\w-]+\.js$/.test(path))).toEqual([]);
  });

  it('the switcher changes the language in place, and share links keep it', async () => {
    const { page } = await open('/?event=russia-invades-ukraine');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('uk');
    await page.getByRole('button', { name: 'Збільшити' }).waitFor();
    await expect.poll(() => page.getByRole('region', { name: 'Подробиці події' }).textContent()).toContain('лютий 2022');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('uk');
    expect(new URL(page.url()).searchParams.get('event')).toBe('russia-invades-ukraine');
    await page.getByRole('button', { name: 'Поширити / Вбудувати' }).click();
    const link = page.getByRole('textbox', { name: 'Посилання' });
    await expect.poll(() => link.inputValue()).toContain('lang=uk');
    expect(await page.getByRole('textbox', { name: 'Код для вбудовування' }).inputValue()).toContain('data-lang="uk"');
  });

  it('an embed follows lang= and has no switcher', async () => {
    const { page } = await open('/?embed=1&lang=uk');
    await page.getByRole('link', { name: 'Відкрити повну хронологію' }).waitFor();
    expect(await page.getByRole('combobox').count()).toBe(0);
    const violations = await runAxe(page);
    expect(violations, formatViolations(violations)).toEqual([]);
  });

  it('longer Ukrainian strings fit at desktop and phone widths', async () => {
    const desktop = await open('/?lang=uk&event=north-korean-troops-amass-in-kursk');
    expect(await overflowing(desktop.page)).toEqual([]);
    await saveScreenshot(desktop.page, 'ukrainian-desktop');
    const phone = await open('/?lang=uk&event=north-korean-troops-amass-in-kursk', { viewport: phoneViewport, hasTouch: true, isMobile: true });
    expect(await overflowing(phone.page)).toEqual([]);
    await saveScreenshot(phone.page, 'ukrainian-phone');
    await phone.page.getByRole('tab', { name: 'Список' }).click();
    expect(await overflowing(phone.page)).toEqual([]);
  });
});

describe('an imported TimelineJS file in Ukrainian', () => {
  const rome = readFileSync('data/roman-republic.timelinejs.json', 'utf8');

  async function openRome(options: Omit<NewPageOptions, 'baseURL'> = {}) {
    const page = await chromium.page({ baseURL, viewport: desktopViewport, ...options });
    const errors = collectPageErrors(page);
    await serveDatasets(page, { '/rome.json': { body: rome } });
    await page.goto(dataUrl('/rome.json', 'lang=uk'));
    await page.getByRole('region', { name: 'Хронологія: From Republic to Empire' }).waitFor();
    await page.locator('.timeline-plot[data-gestures="ready"]').waitFor();
    return { page, errors };
  }

  it('says “No source excerpt” and lists the periods in Ukrainian, with no axe violations', async () => {
    const { page, errors } = await openRome();
    await expect.poll(() => page.locator('.credit').first().textContent()).toContain('Імпортовано з «rome.json» (формат «файл TimelineJS»)');
    // The eras keep their authored names, their dates and the list's heading are Ukrainian.
    const periods = page.getByRole('list').filter({ has: page.getByRole('listitem').filter({ hasText: 'Late Republic' }) });
    expect(await page.getByRole('heading', { name: 'Періоди' }).count()).toBe(1);
    expect(await periods.getByRole('listitem').allTextContents()).toEqual([
      'Late Republic: з 133 до н. е. по 49 до н. е.',
      'Civil wars: з 49 до н. е. по 27 до н. е.',
      'Principate of Augustus: з 27 до н. е. по 14',
    ]);
    expect(await periods.locator('span[lang="en"]').first().textContent()).toBe('Late Republic');

    await page.locator('.timeline-marks').getByRole('button', { name: /Battle of Actium/ }).first().click();
    const details = page.getByRole('region', { name: 'Подробиці події' });
    await expect.poll(() => details.textContent(), { timeout: 5_000 }).toContain('Немає цитати з джерела');
    expect(await details.textContent()).not.toContain('No source excerpt');
    let violations = await runAxe(page);
    expect(violations, formatViolations(violations)).toEqual([]);

    await page.getByRole('tab', { name: 'Список' }).click();
    const list = page.locator('.event-list');
    expect(await list.getByText('Немає цитати з джерела').count()).toBeGreaterThan(0);
    expect(await list.getByText('No source excerpt').count()).toBe(0);
    await page.getByText(/не вдалося використати/).click();
    violations = await runAxe(page);
    expect(violations, formatViolations(violations)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('fits at desktop and phone widths', async () => {
    const desktop = await openRome();
    expect(await overflowing(desktop.page)).toEqual([]);
    await saveScreenshot(desktop.page, 'ukrainian-import-desktop');
    const phone = await openRome({ viewport: phoneViewport, hasTouch: true, isMobile: true, context: { acceptDownloads: true } });
    expect(await overflowing(phone.page)).toEqual([]);
    await saveScreenshot(phone.page, 'ukrainian-import-phone');
    await phone.page.getByRole('tab', { name: 'Список' }).click();
    expect(await overflowing(phone.page)).toEqual([]);
    await saveScreenshot(phone.page, 'ukrainian-import-phone-list');
    // The Share dialog's longer Ukrainian download labels wrap rather than stick out.
    await phone.page.getByRole('button', { name: 'Поширити / Вбудувати' }).click();
    const downloads = phone.page.getByRole('dialog').getByRole('region', { name: 'Завантажити' });
    await downloads.getByRole('button', { name: 'Вигляд у форматі PNG (розмір ×2)' }).scrollIntoViewIfNeeded();
    expect(await overflowing(phone.page)).toEqual([]);
    await saveScreenshot(phone.page, 'ukrainian-import-phone-share');
    // The picture of the view, kept to look at: tests/e2e/artifacts/ukrainian-import-phone-picture.png.
    const [picture] = await Promise.all([phone.page.waitForEvent('download'), downloads.getByRole('button', { name: 'Вигляд у форматі PNG (розмір ×2)' }).click()]);
    await picture.saveAs(join(artifactsDir, 'ukrainian-import-phone-picture.png'));
    expect(await phone.page.getByRole('alert').count()).toBe(0);
  });
});

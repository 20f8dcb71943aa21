/**
 * Which supported language best answers a wanted one: the same tag (any case), else the same language
 * ("uk-UA" → "uk", "pt" → "pt-BR"); null when none does.
 */
export function matchLanguage(wanted: string, supported: readonly string[]): string | null {
  const lower = wanted.trim().toLowerCase();
  if (lower === '') return null;
  const exact = supported.find((tag) => tag.toLowerCase() === lower);
  if (exact) return exact;
  const base = lower.split('-')[0];
  return supported.find((tag) => tag.toLowerCase().split('-')[0] === base) ?? null;
}

/**
 * The interface language: `?lang=` when it names a supported language, else the first of the browser's
 * languages that matches one, else the first supported (English). An unknown `?lang=` is reported.
 */
export function chooseLanguage(
  urlLang: string | null,
  browserLanguages: readonly string[],
  supported: readonly string[],
  warn: (message: string) => void = () => {},
): string {
  if (urlLang !== null) {
    const match = matchLanguage(urlLang, supported);
    if (match) return match;
    warn(`Ignoring lang=${urlLang} in the URL: the interface speaks ${supported.join(', ')}.`);
  }
  for (const wanted of browserLanguages) {
    const match = matchLanguage(wanted, supported);
    if (match) return match;
  }
  return supported[0] ?? 'en';
}

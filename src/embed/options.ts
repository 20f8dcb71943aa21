/** Options only an embed has; the view itself (dataset, actors, search, event, window) uses the app's URL state. */
export interface EmbedOptions {
  embed: boolean;
  theme: 'light' | 'dark' | 'auto';
  /** A fixed height in CSS pixels; null lets the embed size itself to its content. */
  height: number | null;
  /** When given, host commands are accepted only from this origin. */
  parentOrigin: string | null;
}

const MIN_HEIGHT = 200;
const MAX_HEIGHT = 4000;

/** Reads embed options; invalid ones are reported and ignored, never a broken embed. */
export function parseEmbedOptions(search: string, warn: (message: string) => void = () => {}): EmbedOptions {
  const params = new URLSearchParams(search);
  const options: EmbedOptions = { embed: false, theme: 'auto', height: null, parentOrigin: null };
  const embed = params.get('embed');
  if (embed !== null) {
    if (embed === '1' || embed === 'true' || embed === '') options.embed = true;
    else if (embed !== '0' && embed !== 'false') warn(`Ignoring embed=${embed}: use embed=1.`);
  }
  const theme = params.get('theme');
  if (theme !== null) {
    if (theme === 'light' || theme === 'dark' || theme === 'auto') options.theme = theme;
    else warn(`Ignoring theme=${theme}: use light, dark or auto.`);
  }
  const height = params.get('height');
  if (height !== null) {
    const n = Number(height);
    if (Number.isInteger(n) && n >= MIN_HEIGHT && n <= MAX_HEIGHT) options.height = n;
    else warn(`Ignoring height=${height}: give whole pixels from ${MIN_HEIGHT} to ${MAX_HEIGHT}.`);
  }
  const parentOrigin = params.get('parentOrigin');
  if (parentOrigin !== null) {
    try {
      const url = new URL(parentOrigin);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin === parentOrigin) options.parentOrigin = url.origin;
      else warn(`Ignoring parentOrigin=${parentOrigin}: give an origin such as https://news.example.com.`);
    } catch {
      warn(`Ignoring parentOrigin=${parentOrigin}: it is not a URL origin.`);
    }
  }
  return options;
}

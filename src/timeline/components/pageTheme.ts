import type { Palette, Theme } from '../core/palette';

// The page's colours for whatever draws outside CSS: the gesture canvas and the exported pictures.

const PALETTE_VARIABLES: Record<keyof Palette, string> = {
  surface: '--surface',
  laneOdd: '--lane-odd',
  text: '--text',
  muted: '--muted',
  rule: '--rule',
  ruleStrong: '--rule-strong',
  accent: '--accent',
  accentText: '--accent-text',
};

/**
 * The page's colours as the current theme resolves them. A custom property keeps its light-dark()
 * text when read, so each is applied to a hidden probe and read back as a computed colour; the
 * probe inherits color-scheme, so the reader's preference and ?theme= both count.
 */
export function readTheme(): { theme: Theme; palette: Palette } {
  const probe = document.createElement('span');
  probe.hidden = true;
  document.body.append(probe);
  const colorOf = (value: string) => {
    probe.style.color = value;
    return getComputedStyle(probe).color;
  };
  const palette = Object.fromEntries(Object.entries(PALETTE_VARIABLES).map(([key, variable]) => [key, colorOf(`var(${variable})`)])) as unknown as Palette;
  const theme: Theme = colorOf('light-dark(rgb(0, 0, 0), rgb(255, 255, 255))') === 'rgb(255, 255, 255)' ? 'dark' : 'light';
  probe.remove();
  return { theme, palette };
}

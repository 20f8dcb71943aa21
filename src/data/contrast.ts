/** WCAG 2 relative luminance and contrast, used to check that actor colours stay legible. */

/** The surfaces marks are drawn on, per theme; styles.css uses the same values. */
export const THEME_SURFACES = {
  light: ['#ffffff', '#f7f5f0'],
  dark: ['#15171b', '#1d2025'],
} as const;

/** Non-text graphics need 3:1 against their background (WCAG 1.4.11). */
export const MIN_GRAPHIC_CONTRAST = 3;

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

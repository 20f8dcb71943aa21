/** The page's colours, resolved for one theme: what the canvas and the exported pictures draw with (see readTheme). */
export interface Palette {
  surface: string;
  laneOdd: string;
  text: string;
  muted: string;
  rule: string;
  ruleStrong: string;
  accent: string;
  accentText: string;
}

export type Theme = 'light' | 'dark';

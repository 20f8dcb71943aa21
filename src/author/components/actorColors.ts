import { contrastRatio, MIN_GRAPHIC_CONTRAST, THEME_SURFACES } from '../../data/contrast';

export type Theme = keyof typeof THEME_SURFACES;

/** The weakest contrast of a colour against a theme's surfaces, the one the validator's 3:1 rule is about. */
export function worstContrast(color: string, theme: Theme): { ratio: number; surface: string } {
  let worst = { ratio: Infinity, surface: THEME_SURFACES[theme][0] as string };
  for (const surface of THEME_SURFACES[theme]) {
    const ratio = /^#[0-9a-f]{6}$/i.test(color) ? contrastRatio(color, surface) : 0;
    if (ratio < worst.ratio) worst = { ratio, surface };
  }
  return worst;
}

export const contrastEnough = (color: string, theme: Theme) => worstContrast(color, theme).ratio >= MIN_GRAPHIC_CONTRAST;

/** Colour pairs that keep 3:1 in both themes (the import's lane colours, checked by a unit test), offered in turn to new actors. */
export { GROUP_PALETTE as ACTOR_PALETTE } from '../../data/import/shared';

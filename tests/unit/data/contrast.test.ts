import { describe, expect, it } from 'vitest';
import { contrastRatio, MIN_GRAPHIC_CONTRAST, relativeLuminance, THEME_SURFACES } from '../../../src/data/contrast';
import { cloneBundled } from '../../fixtures/files';

describe('relativeLuminance', () => {
  it('is 0 for black and 1 for white', () => {
    expect(relativeLuminance('#000000')).toBe(0);
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 10);
  });

  it('weights green most and blue least (WCAG coefficients)', () => {
    expect(relativeLuminance('#00ff00')).toBeCloseTo(0.7152, 4);
    expect(relativeLuminance('#ff0000')).toBeCloseTo(0.2126, 4);
    expect(relativeLuminance('#0000ff')).toBeCloseTo(0.0722, 4);
  });

  it('reads upper- and lower-case hex alike', () => {
    expect(relativeLuminance('#1F5FA8')).toBe(relativeLuminance('#1f5fa8'));
  });
});

describe('contrastRatio', () => {
  it('is 21:1 for black on white and 1:1 for a colour on itself', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(contrastRatio('#2b5c9e', '#2b5c9e')).toBe(1);
  });

  it('does not depend on the order of the two colours', () => {
    expect(contrastRatio('#2b5c9e', '#f7f5f0')).toBe(contrastRatio('#f7f5f0', '#2b5c9e'));
  });

  it('matches a known WCAG value: #767676 on white is about 4.54:1', () => {
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('keeps every bundled actor colour at 3:1 or more against both surfaces of its theme', () => {
    expect(MIN_GRAPHIC_CONTRAST).toBe(3);
    for (const actor of cloneBundled().actors) {
      for (const theme of ['light', 'dark'] as const) {
        for (const surface of THEME_SURFACES[theme]) {
          expect(contrastRatio(actor.color[theme], surface), `${actor.id} ${theme} on ${surface}`).toBeGreaterThanOrEqual(MIN_GRAPHIC_CONTRAST);
        }
      }
    }
  });
});

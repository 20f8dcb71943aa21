import { describe, expect, it } from 'vitest';
import { commandForKey } from '../../../src/timeline/interaction/keyboardMap';

describe('commandForKey', () => {
  it('steps to the next and previous event with the right and left arrows', () => {
    expect(commandForKey('ArrowRight')).toEqual({ type: 'step', step: 1 });
    expect(commandForKey('ArrowLeft')).toEqual({ type: 'step', step: -1 });
  });

  it('goes to the first and last event with Home and End', () => {
    expect(commandForKey('Home')).toEqual({ type: 'edge', edge: 'first' });
    expect(commandForKey('End')).toEqual({ type: 'edge', edge: 'last' });
  });

  it('zooms with + and - (also = and _ without Shift), and fits everything with 0', () => {
    expect(commandForKey('+')).toEqual({ type: 'zoomIn' });
    expect(commandForKey('=')).toEqual({ type: 'zoomIn' });
    expect(commandForKey('-')).toEqual({ type: 'zoomOut' });
    expect(commandForKey('_')).toEqual({ type: 'zoomOut' });
    expect(commandForKey('0')).toEqual({ type: 'fitAll' });
  });

  it('clears the selection with Escape', () => {
    expect(commandForKey('Escape')).toEqual({ type: 'clearSelection' });
  });

  it('leaves Enter, Space, Tab and letters to the browser and the buttons', () => {
    for (const key of ['Enter', ' ', 'Tab', 'a', 'ArrowUp', 'ArrowDown']) expect(commandForKey(key)).toBeNull();
  });

  it('leaves modified keys to the browser (Ctrl + 0 resets the page zoom)', () => {
    expect(commandForKey('0', { ctrlKey: true })).toBeNull();
    expect(commandForKey('ArrowRight', { altKey: true })).toBeNull();
    expect(commandForKey('+', { metaKey: true })).toBeNull();
  });
});

/** What a key pressed on the timeline asks for; the timeline turns each into one named view action. */
export type TimelineCommand =
  | { type: 'step'; step: 1 | -1 }
  | { type: 'edge'; edge: 'first' | 'last' }
  | { type: 'zoomIn' }
  | { type: 'zoomOut' }
  | { type: 'fitAll' }
  | { type: 'clearSelection' };

/**
 * The timeline's keys. Enter and Space are left to the buttons themselves (an event mark selects, a
 * cluster zooms in); modified keys belong to the browser.
 */
export function commandForKey(key: string, modifiers: { ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean } = {}): TimelineCommand | null {
  if (modifiers.ctrlKey || modifiers.metaKey || modifiers.altKey) return null;
  switch (key) {
    case 'ArrowRight':
      return { type: 'step', step: 1 };
    case 'ArrowLeft':
      return { type: 'step', step: -1 };
    case 'Home':
      return { type: 'edge', edge: 'first' };
    case 'End':
      return { type: 'edge', edge: 'last' };
    case '+':
    case '=':
      return { type: 'zoomIn' };
    case '-':
    case '_':
      return { type: 'zoomOut' };
    case '0':
      return { type: 'fitAll' };
    case 'Escape':
      return { type: 'clearSelection' };
    default:
      return null;
  }
}

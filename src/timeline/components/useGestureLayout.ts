import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { TimelineLayout } from '../core/layout';

/**
 * During a reader's wheel, drag or pinch the focusable marks stay as they were (hidden) and a canvas
 * draws each frame; they are rendered again, once, for the window where the gesture ends. Returns the
 * layout frozen at the gesture's start (null when none is under way) and the handler the controller calls.
 */
export function useGestureLayout(layout: TimelineLayout): [TimelineLayout | null, (active: boolean) => void] {
  const [gestureLayout, setGestureLayout] = useState<TimelineLayout | null>(null);
  const committedLayout = useRef(layout);
  useEffect(() => {
    committedLayout.current = layout;
  });
  const onGesture = useCallback((active: boolean) => {
    if (active) setGestureLayout(committedLayout.current);
    // Rendering a thousand marks takes longer than a frame: as a transition React does it in slices,
    // and the canvas stays until they are ready.
    else startTransition(() => setGestureLayout(null));
  }, []);
  return [gestureLayout, onGesture];
}

/** `value`, or while `hold` is true, the value it had when the hold began. */
export function useHeldWhile<T>(value: T, hold: boolean): T {
  const [held, setHeld] = useState(value);
  // Kept in step during render (React's pattern for state derived from props), so no frame shows a stale one.
  if (!hold && held !== value) setHeld(value);
  return hold ? held : value;
}

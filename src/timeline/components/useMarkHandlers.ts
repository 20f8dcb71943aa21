import { useEffect, useLayoutEffect, useMemo, useRef, type RefObject } from 'react';
import type { TimelineEvent } from '../../data/model';
import type { ViewState } from '../../state/viewState';
import type { ViewActions } from '../../state/useViewState';
import type { TimelineLayout } from '../core/layout';
import { commandForKey } from '../interaction/keyboardMap';
import type { MarkHandlers } from './MarksLayer';

interface MarkHandlerInput {
  events: readonly TimelineEvent[];
  state: ViewState;
  actions: ViewActions;
  focusedIndex: number | undefined;
  /** The layout whose marks are on the page (the frozen one during a gesture). */
  shownLayout: TimelineLayout;
}

/**
 * What the marks do with keys, focus, clicks and presses, as named actions. The handlers read the latest
 * render through a ref, so that they keep one identity and the marks layer can skip re-rendering while a
 * gesture is under way. Focus roves: while the reader is in the timeline, it follows the focused event.
 */
export function useMarkHandlers(plotRef: RefObject<HTMLElement | null>, { events, state, actions, focusedIndex, shownLayout }: MarkHandlerInput): MarkHandlers {
  // A re-rendered mark can take DOM focus with it; remember the reader was here to give it back.
  const keyboardInside = useRef(false);
  // A pointer is down on the marks: the focus it brings must not move them.
  const pointerPressing = useRef(false);

  useLayoutEffect(() => {
    const plot = plotRef.current;
    if (!plot || focusedIndex === undefined) return;
    const lost = document.activeElement === document.body || document.activeElement === null;
    if (!plot.contains(document.activeElement) && !(lost && keyboardInside.current)) return;
    const key = shownLayout.focusKeyOfEvent.get(focusedIndex);
    // Keys are built from slugs and numbers, safe inside a quoted attribute selector.
    const target = key ? plot.querySelector<HTMLElement>(`[data-mark-key="${key}"]`) : null;
    if (target && target !== document.activeElement) target.focus({ preventScroll: true });
  }, [plotRef, focusedIndex, shownLayout]);

  const live = useRef({ events, state, actions, focusedIndex });
  useEffect(() => {
    live.current = { events, state, actions, focusedIndex };
  });
  return useMemo<MarkHandlers>(() => {
    const focusedTime = () => {
      const { events, state, focusedIndex } = live.current;
      const when = focusedIndex === undefined ? undefined : events[focusedIndex]?.when;
      if (!when) return undefined;
      const t = (when.start + when.end) / 2;
      return t >= state.window.start && t <= state.window.end ? t : undefined;
    };
    return {
      onKeyDown(event) {
        keyboardInside.current = true;
        const command = commandForKey(event.key, event);
        if (!command) return;
        event.preventDefault();
        event.stopPropagation();
        const { actions } = live.current;
        // Stepping selects: the details and the source follow the keyboard, and focus stays on the mark.
        if (command.type === 'step') actions.selectStep(command.step);
        else if (command.type === 'edge') actions.selectEdge(command.edge);
        else if (command.type === 'zoomIn') actions.zoomIn(focusedTime());
        else if (command.type === 'zoomOut') actions.zoomOut(focusedTime());
        else if (command.type === 'fitAll') actions.fitAll();
        else actions.clearSelection();
      },
      // Focus that comes with a press stays put: moving the view under the pointer would make the
      // release land beside the mark, and the click would be lost.
      focus(id) {
        if (pointerPressing.current) return;
        if (live.current.state.focused !== id) live.current.actions.focus(id);
      },
      select(id) {
        live.current.actions.select(id);
      },
      activateCluster(mark) {
        live.current.actions.activateCluster({ start: mark.start, end: mark.end, first: mark.first });
      },
      fitAll() {
        live.current.actions.fitAll();
      },
      leftMarks() {
        keyboardInside.current = false;
      },
      pressed(down) {
        if (down) pointerPressing.current = true;
        // The click (and the focus it brings) comes after the release; the press ends after it.
        else window.setTimeout(() => (pointerPressing.current = false), 0);
      },
    };
  }, []);
}

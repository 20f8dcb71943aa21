/** Room kept between a mark and the edge it was brought in from. */
const MARGIN = 16;

const scrollsItself = (element: HTMLElement) => {
  const overflow = getComputedStyle(element).overflowY;
  return (overflow === 'auto' || overflow === 'scroll') && element.scrollHeight > element.clientHeight + 1;
};

/**
 * Brings the selected event's mark into sight after a selection made anywhere (a key, Next, the source,
 * a link): inside the timeline's own scroll box where it has one (desktop), else by scrolling the page
 * just enough that the mark stands above the details sheet (phones). Touches nothing when it is in sight.
 */
export function keepSelectionInSight(root: HTMLElement, eventId: string): void {
  // Event ids are validated slugs, safe inside a quoted attribute selector. An event that no zoom draws
  // apart from its neighbours is in sight as the cluster that holds it.
  const mark =
    root.querySelector<HTMLElement>(`.timeline-marks [data-event-id="${eventId}"]:not(.mark-echo)`) ?? root.querySelector<HTMLElement>('.timeline-marks .mark-cluster.has-selection');
  const frame = mark?.closest<HTMLElement>('.timeline-frame');
  if (!mark || !frame) return;
  const at = mark.getBoundingClientRect();
  // Not laid out (hidden, or no layout engine at all): nothing to bring into sight.
  if (at.width === 0 && at.height === 0) return;
  if (scrollsItself(frame)) {
    const box = frame.getBoundingClientRect();
    // The axis sticks to the top of the frame: a mark under it is not in sight.
    const axis = frame.querySelector('.axis')?.getBoundingClientRect().height ?? 0;
    if (at.top >= box.top + axis && at.bottom <= box.bottom) return;
    const top = frame.scrollTop + (at.top - box.top) - (frame.clientHeight - at.height) / 2;
    frame.scrollTo({ top: Math.max(0, top) });
    return;
  }
  const sheet = root.querySelector<HTMLElement>('.details-panel.is-sheet');
  const bottom = sheet ? sheet.getBoundingClientRect().top : window.innerHeight;
  if (at.top >= MARGIN && at.bottom <= bottom - MARGIN) return;
  window.scrollBy({ top: at.top - Math.max(MARGIN, (bottom - at.height) / 2) });
}

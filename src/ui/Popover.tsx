import { useEffect, useRef, type ReactNode } from 'react';

interface PopoverProps {
  className: string;
  /** What the button that opens it says. */
  label: ReactNode;
  children: ReactNode;
}

/**
 * A disclosure whose panel floats over the page: it closes on Escape and on a press outside it, and
 * Escape gives focus back to its button. The panel scrolls inside when the screen is short.
 */
export function Popover({ className, label, children }: PopoverProps) {
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const element = details.current;
    if (!element) return;
    const onPointerDown = (event: PointerEvent) => {
      if (element.open && event.target instanceof Node && !element.contains(event.target)) element.open = false;
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !element.open) return;
      event.preventDefault();
      event.stopPropagation();
      element.open = false;
      element.querySelector('summary')?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    element.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      element.removeEventListener('keydown', onKeyDown);
    };
  }, []);
  return (
    <details ref={details} className={className}>
      <summary className="tool-button">{label}</summary>
      <div className="filter-popover">{children}</div>
    </details>
  );
}

import { useRef, type ReactNode } from 'react';

interface FileOpenButtonProps {
  className: string;
  /** What the button says. */
  children: ReactNode;
  /** The file types offered, as the input's `accept` attribute. */
  accept: string;
  onFile: (file: File) => void;
}

/**
 * A button that opens the system's file picker: the file input itself stays hidden (and out of the
 * accessibility tree), the button is what keyboards and screen readers meet. The same file can be
 * chosen twice in a row.
 */
export function FileOpenButton({ className, children, accept, onFile }: FileOpenButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className={className} onClick={() => input.current?.click()}>
        {children}
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}

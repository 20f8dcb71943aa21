import type { ReactNode } from 'react';
import { findSearchMatches } from '../data/searchText';

/** Text with the search query's matches marked; plain text when there is no query. */
export function HighlightedText({ text, query }: { text: string; query: string }) {
  const matches = findSearchMatches(text, query);
  if (matches.length === 0) return <>{text}</>;
  const parts: ReactNode[] = [];
  let at = 0;
  matches.forEach((m, i) => {
    if (m.start > at) parts.push(text.slice(at, m.start));
    parts.push(
      <mark key={i} className="search-hit">
        {text.slice(m.start, m.end)}
      </mark>,
    );
    at = m.end;
  });
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

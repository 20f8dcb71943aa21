import { useCallback, useEffect, useRef, useState } from 'react';
import { get, set } from 'idb-keyval';
import { commit, redo, startHistory, undo, type History } from './draft/history';
import { EMPTY_DRAFT, type Draft } from './draft/model';

/** The IndexedDB key of the draft (idb-keyval's default database). */
export const DRAFT_KEY = 'conflict-timeline:author-draft';
const SAVE_DELAY_MS = 250;

const isDraft = (value: unknown): value is Draft =>
  typeof value === 'object' && value !== null && Array.isArray((value as Draft).sources) && Array.isArray((value as Draft).events) && Array.isArray((value as Draft).actors);

export interface DraftStore {
  history: History;
  /** False until the stored draft has been read: nothing is saved over it before then. */
  ready: boolean;
  restored: boolean;
  saveError: string | null;
  /** Whether the draft on screen is the one stored in the browser. */
  saved: boolean;
  /** Applies a change to the current draft; changes with the same tag in a row are one undo step. */
  apply(action: (draft: Draft) => Draft, tag?: string): void;
  undo(): void;
  redo(): void;
}

/**
 * The draft, its undo history, and its copy in IndexedDB: every change is saved shortly after it is made, so
 * a reload or a crashed tab loses nothing, and the stored draft is restored when the editor opens.
 */
export function useDraft(): DraftStore {
  const [history, setHistory] = useState<History>(() => startHistory(EMPTY_DRAFT));
  const [ready, setReady] = useState(false);
  const [restored, setRestored] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const saved = useRef<Draft | null>(null);
  const [savedDraft, setSavedDraft] = useState<Draft | null>(null);

  useEffect(() => {
    let live = true;
    get<unknown>(DRAFT_KEY)
      .then((stored) => {
        if (!live) return;
        if (isDraft(stored) && (stored.sources.length > 0 || stored.events.length > 0)) {
          saved.current = stored;
          setSavedDraft(stored);
          setHistory(startHistory(stored));
          setRestored(true);
        }
      })
      .catch((error: unknown) => live && setSaveError(String(error)))
      .finally(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, []);

  const present = history.present;
  useEffect(() => {
    if (!ready || present === saved.current) return;
    const timer = window.setTimeout(() => {
      set(DRAFT_KEY, present)
        .then(() => {
          saved.current = present;
          setSavedDraft(present);
          setSaveError(null);
        })
        .catch((error: unknown) => setSaveError(String(error)));
    }, SAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [present, ready]);

  const apply = useCallback((action: (draft: Draft) => Draft, tag?: string) => setHistory((h) => commit(h, action(h.present), tag ?? null)), []);
  return {
    history,
    ready,
    restored,
    saveError,
    saved: ready && (savedDraft === present || (savedDraft === null && present === EMPTY_DRAFT)),
    apply,
    undo: useCallback(() => setHistory(undo), []),
    redo: useCallback(() => setHistory(redo), []),
  };
}

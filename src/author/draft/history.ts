import type { Draft } from './model';

/** The draft with its undo and redo stacks. `tag` names the last change, so typing into one field is one step. */
export interface History {
  past: Draft[];
  present: Draft;
  future: Draft[];
  tag: string | null;
}

const LIMIT = 200;

export const startHistory = (draft: Draft): History => ({ past: [], present: draft, future: [], tag: null });

/**
 * Records a change. Consecutive changes with the same tag (keystrokes in one field) merge into one step;
 * a change that changes nothing is not recorded.
 */
export function commit(history: History, next: Draft, tag: string | null = null): History {
  if (next === history.present) return history;
  if (tag !== null && tag === history.tag) return { ...history, present: next, future: [] };
  return { past: [...history.past, history.present].slice(-LIMIT), present: next, future: [], tag };
}

export function undo(history: History): History {
  const previous = history.past.at(-1);
  if (!previous) return history;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future], tag: null };
}

export function redo(history: History): History {
  const next = history.future[0];
  if (!next) return history;
  return { past: [...history.past, history.present], present: next, future: history.future.slice(1), tag: null };
}

export const canUndo = (history: History) => history.past.length > 0;
export const canRedo = (history: History) => history.future.length > 0;

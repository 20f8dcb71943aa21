/**
 * Messages between an embedded timeline and its host page. Everything received is checked against
 * these shapes and dropped when it does not fit; nothing received is evaluated or rendered as HTML.
 */

export const MESSAGE_SOURCE = 'conflict-timeline';

export type EmbedMessageBody = { type: 'ready' } | { type: 'resize'; height: number } | { type: 'select'; id: string | null; title: string | null };

export type EmbedMessage = EmbedMessageBody & { source: typeof MESSAGE_SOURCE };

export type HostCommand =
  | { type: 'select'; id: string | null }
  | { type: 'setFilters'; actors?: string[] | null; query?: string };

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_ACTORS = 500;
const MAX_QUERY = 500;

// Plain objects only: fields inherited through a prototype do not count as sent.
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && [Object.prototype, null].includes(Object.getPrototypeOf(value) as object | null);

/** A host command, or null for anything malformed (wrong source, unknown type, bad ids). */
export function parseHostCommand(data: unknown): HostCommand | null {
  if (!isRecord(data) || data.source !== MESSAGE_SOURCE) return null;
  if (data.type === 'select') {
    if (data.id === null) return { type: 'select', id: null };
    return typeof data.id === 'string' && SLUG.test(data.id) ? { type: 'select', id: data.id } : null;
  }
  if (data.type === 'setFilters') {
    const command: HostCommand = { type: 'setFilters' };
    if (Object.hasOwn(data, 'actors')) {
      if (data.actors === null) command.actors = null;
      else if (Array.isArray(data.actors) && data.actors.length <= MAX_ACTORS && data.actors.every((a) => typeof a === 'string' && SLUG.test(a))) {
        command.actors = data.actors as string[];
      } else return null;
    }
    if (Object.hasOwn(data, 'query')) {
      if (typeof data.query !== 'string' || data.query.length > MAX_QUERY) return null;
      command.query = data.query;
    }
    return command;
  }
  return null;
}

/**
 * Accepts a command only from the embedding window, and only from `parentOrigin` when the embed URL
 * names one.
 */
export function acceptHostCommand(
  event: { source: unknown; origin: string; data: unknown },
  parent: unknown,
  parentOrigin: string | null,
): HostCommand | null {
  if (parent === null || event.source !== parent) return null;
  if (parentOrigin !== null && event.origin !== parentOrigin) return null;
  return parseHostCommand(event.data);
}

export function embedMessage(body: EmbedMessageBody): EmbedMessage {
  return { ...body, source: MESSAGE_SOURCE };
}

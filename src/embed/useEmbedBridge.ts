import { useEffect, useRef } from 'react';
import { acceptHostCommand, embedMessage, type EmbedMessageBody } from './messages';
import type { EmbedOptions } from './options';
import type { ViewActions } from '../state/useViewState';
import type { Filters } from '../state/filters';

function post(body: EmbedMessageBody, targetOrigin: string) {
  if (window.parent !== window) window.parent.postMessage(embedMessage(body), targetOrigin);
}

/**
 * Talks to the host page of an embed: says when it is ready, how tall its content is and what is
 * selected; applies the host's `select` and `setFilters` commands after validating them.
 */
export function useEmbedBridge(options: EmbedOptions, selected: { id: string; title: string } | null, filters: Filters, actions: ViewActions): void {
  // Messages go only to the declared parent origin when there is one.
  const target = options.parentOrigin ?? '*';
  const filtersRef = useRef(filters);
  useEffect(() => {
    filtersRef.current = filters;
  });

  useEffect(() => {
    if (!options.embed) return;
    post({ type: 'ready' }, target);
    let last = 0;
    // The content's own height: the document's would never shrink below the iframe's current height.
    const content = document.getElementById('root') ?? document.body;
    const report = () => {
      const height = Math.ceil(content.getBoundingClientRect().height);
      if (height !== last) {
        last = height;
        post({ type: 'resize', height }, target);
      }
    };
    report();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(report);
    observer?.observe(content);
    const onMessage = (event: MessageEvent) => {
      const command = acceptHostCommand(event, window.parent === window ? null : window.parent, options.parentOrigin);
      if (!command) return;
      if (command.type === 'select') {
        if (command.id === null) actions.clearSelection();
        else actions.select(command.id, { reveal: true });
      } else {
        actions.setFilters({
          actors: command.actors === undefined ? filtersRef.current.actors : command.actors,
          query: command.query ?? filtersRef.current.query,
        });
      }
    };
    window.addEventListener('message', onMessage);
    return () => {
      observer?.disconnect();
      window.removeEventListener('message', onMessage);
    };
  }, [options.embed, options.parentOrigin, target, actions]);

  const id = selected?.id ?? null;
  const title = selected?.title ?? null;
  useEffect(() => {
    if (options.embed) post({ type: 'select', id, title }, target);
  }, [options.embed, id, title, target]);
}

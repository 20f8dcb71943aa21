import type { ViewActions } from '../state/useViewState';
import type { Filters } from '../state/filters';
import type { EmbedOptions } from './options';
import { useEmbedBridge } from './useEmbedBridge';

interface EmbedBridgeProps {
  options: EmbedOptions;
  selected: { id: string; title: string } | null;
  filters: Filters;
  actions: ViewActions;
}

/** The host-page protocol as a component, so that only embeds load it (see Explorer's lazy import). */
export default function EmbedBridge({ options, selected, filters, actions }: EmbedBridgeProps) {
  useEmbedBridge(options, selected, filters, actions);
  return null;
}

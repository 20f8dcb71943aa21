import type { Actor } from '../data/schema';
import { colorStyle } from '../timeline/components/MarkView';

/** Actor names with their colour swatch; the name always carries the meaning, the colour only helps. */
export function ActorChips({ actors }: { actors: readonly Actor[] }) {
  return (
    <ul className="actor-chips">
      {actors.map((actor) => (
        <li key={actor.id} className="actor-chip" style={colorStyle(actor)}>
          <span className="lane-swatch" aria-hidden="true" />
          {actor.name}
        </li>
      ))}
    </ul>
  );
}

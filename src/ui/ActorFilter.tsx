import { useId, useMemo } from 'react';
import type { Actor, ActorKind } from '../data/schema';
import type { Filters } from '../state/filters';
import { colorStyle } from '../timeline/components/MarkView';
import { useI18n } from '../i18n';

interface ActorFilterProps {
  actors: readonly Actor[];
  filters: Filters;
  /** Events per actor under the other filters (a state counts its people's events). */
  counts: ReadonlyMap<string, number>;
  onChange: (actors: readonly string[] | null) => void;
}

const GROUPS: { title: 'filter.states' | 'filter.organizations' | 'filter.people'; kinds: ActorKind[] }[] = [
  { title: 'filter.states', kinds: ['state', 'alliance'] },
  { title: 'filter.organizations', kinds: ['organization'] },
  { title: 'filter.people', kinds: ['person'] },
];

/**
 * Checkboxes per actor, grouped by kind. Choosing a state brings its people and organizations along,
 * and each of them says so; a person can still be chosen alone.
 */
export function ActorFilter({ actors, filters, counts, onChange }: ActorFilterProps) {
  const { t } = useI18n();
  const id = useId();
  const byId = useMemo(() => new Map(actors.map((a) => [a.id, a])), [actors]);
  const chosen = new Set(filters.actors ?? actors.map((a) => a.id));
  const all = filters.actors === null;

  const toggle = (actor: Actor, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(actor.id);
    else next.delete(actor.id);
    onChange(next.size === actors.length ? null : actors.filter((a) => next.has(a.id)).map((a) => a.id));
  };

  return (
    <fieldset className="actor-filter">
      <legend className="filter-legend">{t('filter.actors')}</legend>
      <div className="filter-bulk">
        <button type="button" className="tool-button tool-button-small" onClick={() => onChange(null)} disabled={all}>
          {t('filter.all')}
        </button>
        <button type="button" className="tool-button tool-button-small" onClick={() => onChange([])} disabled={filters.actors?.length === 0}>
          {t('filter.none')}
        </button>
      </div>
      {GROUPS.map((group) => {
        const members = actors.filter((a) => group.kinds.includes(a.kind));
        if (members.length === 0) return null;
        return (
          <div key={group.title} className="filter-group" role="group" aria-labelledby={`${id}-${group.kinds[0]}`}>
            <p id={`${id}-${group.kinds[0]}`} className="filter-group-title">
              {t(group.title)}
            </p>
            <ul className="filter-list">
              {members.map((actor) => {
                const parent = actor.memberOf ? byId.get(actor.memberOf) : undefined;
                const viaParent = !all && parent !== undefined && chosen.has(parent.id) && !chosen.has(actor.id);
                const inputId = `${id}-actor-${actor.id}`;
                const count = counts.get(actor.id) ?? 0;
                return (
                  <li key={actor.id} className="filter-item" style={colorStyle(actor)}>
                    <input
                      id={inputId}
                      type="checkbox"
                      checked={chosen.has(actor.id)}
                      onChange={(e) => toggle(actor, e.target.checked)}
                      aria-describedby={`${inputId}-count`}
                    />
                    <label htmlFor={inputId} className="filter-label">
                      <span className="lane-swatch" aria-hidden="true" />
                      {actor.name}
                    </label>
                    <span id={`${inputId}-count`} className="filter-count">
                      {t('events.count', { count })}
                      {viaParent ? t('filter.includedWith', { name: parent.name }) : ''}
                    </span>
                    <button
                      type="button"
                      className="link-button filter-only"
                      aria-label={t('filter.onlyActor', { name: actor.name })}
                      onClick={() => onChange([actor.id])}
                    >
                      {t('filter.only')}
                    </button>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </fieldset>
  );
}

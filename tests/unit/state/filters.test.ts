import { describe, expect, it } from 'vitest';
import {
  actorCounts,
  describeExclusion,
  expandActors,
  filtersActive,
  involvesAny,
  matchesQuery,
  NO_FILTERS,
  searchTextOf,
  type SearchableEvent,
} from '../../../src/state/filters';
import { findSearchMatches } from '../../../src/data/searchText';
import type { Actor } from '../../../src/data/schema';
import { actor } from '../../fixtures/builders';
import { bundledDataset } from '../../fixtures/kursk';

const dataset = bundledDataset();

/** A small world: a state with a person and an organization, another state with a person, an alliance, an unaffiliated outlet. */
const actors: Actor[] = [
  { ...actor('ruritania'), name: 'Ruritania' },
  { ...actor('freedonia'), name: 'Freedonia' },
  { ...actor('league', 'alliance'), name: 'The League' },
  { ...actor('ruri-pm', 'person', 'ruritania'), name: 'Prime Minister Rassendyll' },
  { ...actor('ruri-army', 'organization', 'ruritania'), name: 'Ruritanian Army' },
  { ...actor('free-president', 'person', 'freedonia'), name: 'President Firefly' },
  { ...actor('gazette', 'organization'), name: 'The Gazette' },
];
const actorsById = new Map(actors.map((a) => [a.id, a]));

function event(actorIds: string[], text: Partial<Omit<SearchableEvent, 'actors'>> = {}): SearchableEvent {
  return { title: 'Untitled', summary: 'Nothing said.', excerpts: [], ...text, actors: actorIds };
}

const sorted = (set: ReadonlySet<string>) => [...set].sort();

describe('expandActors', () => {
  it('brings a state’s people and organizations along with it', () => {
    expect(sorted(expandActors(['ruritania'], actors))).toEqual(['ruri-army', 'ruri-pm', 'ruritania']);
  });

  it('leaves a person chosen alone on their own, without their state or its other members', () => {
    expect(sorted(expandActors(['ruri-pm'], actors))).toEqual(['ruri-pm']);
  });

  it('keeps an actor without members as it is, and unions several choices', () => {
    expect(sorted(expandActors(['gazette'], actors))).toEqual(['gazette']);
    expect(sorted(expandActors(['freedonia', 'league'], actors))).toEqual(['free-president', 'freedonia', 'league']);
  });

  it('stands for nothing when nothing is chosen', () => {
    expect(expandActors([], actors).size).toBe(0);
  });

  it('expands the United States in the bundled dataset to Biden, Trump and the White House', () => {
    const us = expandActors(['united-states'], dataset.actors);
    for (const id of ['united-states', 'joe-biden', 'donald-trump', 'white-house']) expect(us.has(id), id).toBe(true);
    for (const id of ['ukraine', 'volodymyr-zelenskyy', 'associated-press']) expect(us.has(id), id).toBe(false);
  });
});

describe('involvesAny', () => {
  it('lets every event through when all actors are chosen (null)', () => {
    expect(involvesAny({ actors: ['gazette'] }, null)).toBe(true);
  });

  it('lets an event through when any of its actors is in the set, and no other', () => {
    const effective = expandActors(['ruritania'], actors);
    expect(involvesAny({ actors: ['freedonia', 'ruri-pm'] }, effective)).toBe(true);
    expect(involvesAny({ actors: ['ruritania'] }, effective)).toBe(true);
    expect(involvesAny({ actors: ['freedonia', 'free-president'] }, effective)).toBe(false);
  });

  it('lets nothing through when no actors are chosen', () => {
    expect(involvesAny({ actors: ['ruritania'] }, new Set())).toBe(false);
  });
});

describe('searchTextOf and matchesQuery', () => {
  const treaty = event(['ruri-pm', 'freedonia'], {
    title: 'Border treaty signed',
    summary: 'The two states end their dispute.',
    excerpts: [{ quote: 'signed at Zenda Castle on Friday' }],
  });
  const text = searchTextOf(treaty, actorsById);

  it.each([
    ['the title', 'border treaty'],
    ['the summary', 'END THEIR DISPUTE'],
    ['an actor’s name', 'rassendyll'],
    ['a state’s name', 'Freedonia'],
    ['an excerpt', 'zenda castle'],
  ])('finds an event by %s, ignoring case', (_, query) => {
    expect(matchesQuery(text, query)).toBe(true);
  });

  it('folds accents in both the event and the query', () => {
    const kyiv = searchTextOf(event(['freedonia'], { title: 'Zelenskyy speaks in Kyïv' }), actorsById);
    expect(matchesQuery(kyiv, 'kyiv')).toBe(true);
    expect(matchesQuery(kyiv, 'ZELENSKYY')).toBe(true);
    expect(matchesQuery(searchTextOf(event(['freedonia'], { title: 'In Kyiv' }), actorsById), 'Kyïv')).toBe(true);
  });

  it('does not find an event by text it does not contain', () => {
    expect(matchesQuery(text, 'Strelsau')).toBe(false);
  });

  it('does not match across the boundary between two fields', () => {
    // "…treaty signed" + "The two states…" must not read as "signed the two".
    expect(matchesQuery(text, 'signed the two')).toBe(false);
  });

  it('matches every event with an empty or blank query', () => {
    expect(matchesQuery(text, '')).toBe(true);
    expect(matchesQuery(text, '   ')).toBe(true);
  });

  it('ignores white space around the query', () => {
    expect(matchesQuery(text, '  zenda  ')).toBe(true);
  });

  it('falls back to the id for an actor the map does not know, so the event still has text to match', () => {
    expect(matchesQuery(searchTextOf(event(['mystery-actor']), actorsById), 'mystery-actor')).toBe(true);
  });

  it('finds bundled events by actor name, e.g. "Putin" finds the event naming vladimir-putin', () => {
    const putin = dataset.events.filter((e) => matchesQuery(searchTextOf(e, dataset.actorsById), 'putin'));
    expect(putin.map((e) => e.id)).toContain('putin-warns-nato-over-strikes');
  });

  it('agrees with the highlighter: every bundled event the query matches has a highlight in a shown field', () => {
    for (const query of ['kursk', 'zelenskyy', 'ATACMS', 'north korea', 'Biden', 'missiles', 'kyiv']) {
      for (const e of dataset.events) {
        if (!matchesQuery(searchTextOf(e, dataset.actorsById), query)) continue;
        const names = e.actors.map((id) => dataset.actorsById.get(id)?.name ?? id);
        const fields = [e.title, e.summary, ...names, ...e.excerpts.map((x) => x.quote)];
        expect(
          fields.some((f) => findSearchMatches(f, query).length > 0),
          `${query} in ${e.id}`,
        ).toBe(true);
      }
    }
  });
});

describe('actorCounts', () => {
  const events = [
    event(['ruritania', 'freedonia'], { title: 'treaty' }),
    event(['ruri-pm'], { title: 'speech' }),
    event(['ruritania', 'ruri-pm', 'ruri-army'], { title: 'parade' }),
    event(['gazette'], { title: 'report' }),
    event(['free-president', 'league'], { title: 'summit' }),
  ];
  const all = () => true;

  it('counts each actor’s own events', () => {
    const counts = actorCounts(events, all, actors);
    expect(counts.get('ruri-pm')).toBe(2);
    expect(counts.get('ruri-army')).toBe(1);
    expect(counts.get('gazette')).toBe(1);
    expect(counts.get('league')).toBe(1);
  });

  it('counts a state’s members’ events too, once per event even when the event names both the state and its members', () => {
    const counts = actorCounts(events, all, actors);
    // treaty (the state), speech (its PM), parade (the state, its PM and its army: once).
    expect(counts.get('ruritania')).toBe(3);
    expect(counts.get('freedonia')).toBe(2);
  });

  it('counts only events that pass the other filters (the search), like faceted search', () => {
    const searchTexts = events.map((e) => searchTextOf(e, actorsById));
    const counts = actorCounts(events, (i) => matchesQuery(searchTexts[i] ?? '', 'parade'), actors);
    expect(counts.get('ruritania')).toBe(1);
    expect(counts.get('ruri-pm')).toBe(1);
    expect(counts.get('freedonia')).toBe(0);
    expect(counts.get('gazette')).toBe(0);
  });

  it('has an entry, zero when idle, for every actor and no other key', () => {
    const counts = actorCounts([...events, event(['unknown-actor'])], () => false, actors);
    expect([...counts.keys()].sort()).toEqual(actors.map((a) => a.id).sort());
    expect([...counts.values()].every((n) => n === 0)).toBe(true);
  });

  it('counts the bundled dataset so that each count is the number of events the actor filter would show', () => {
    const counts = actorCounts(dataset.events, all, dataset.actors);
    for (const a of dataset.actors) {
      const effective = expandActors([a.id], dataset.actors);
      expect(counts.get(a.id), a.id).toBe(dataset.events.filter((e) => involvesAny(e, effective)).length);
    }
    expect(counts.get('joe-biden')).toBe(5);
    expect(counts.get('north-korea')).toBe(3);
  });
});

describe('describeExclusion', () => {
  it('says nothing without filters', () => {
    expect(describeExclusion(NO_FILTERS, actorsById)).toEqual([]);
  });

  it('says when no actors are chosen', () => {
    expect(describeExclusion({ actors: [], query: '' }, actorsById)).toEqual(['no actors are chosen']);
  });

  it('names the one chosen actor, or all of them, by name', () => {
    expect(describeExclusion({ actors: ['ruri-pm'], query: '' }, actorsById)).toEqual(['only Prime Minister Rassendyll is chosen']);
    expect(describeExclusion({ actors: ['ruritania', 'league'], query: '' }, actorsById)).toEqual(['only Ruritania, The League are chosen']);
  });

  it('quotes the search, trimmed', () => {
    expect(describeExclusion({ actors: null, query: '  Zenda ' }, actorsById)).toEqual(['the search is “Zenda”']);
  });

  it('gives both reasons, actors first, and none for a blank search', () => {
    expect(describeExclusion({ actors: ['gazette'], query: 'treaty' }, actorsById)).toEqual(['only The Gazette is chosen', 'the search is “treaty”']);
    expect(describeExclusion({ actors: ['gazette'], query: '   ' }, actorsById)).toEqual(['only The Gazette is chosen']);
  });

  it('names bundled actors by their display names', () => {
    expect(describeExclusion({ actors: ['north-korea', 'joe-biden'], query: '' }, dataset.actorsById)).toEqual(['only North Korea, Joe Biden are chosen']);
  });
});

describe('filtersActive', () => {
  it('is off without filters and for a blank search', () => {
    expect(filtersActive(NO_FILTERS)).toBe(false);
    expect(filtersActive({ actors: null, query: '  \t' })).toBe(false);
  });

  it('is on for a search, for a choice of actors, and for choosing none', () => {
    expect(filtersActive({ actors: null, query: 'kursk' })).toBe(true);
    expect(filtersActive({ actors: ['ruritania'], query: '' })).toBe(true);
    expect(filtersActive({ actors: [], query: '' })).toBe(true);
  });
});

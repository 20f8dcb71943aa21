import { casual, type ParsedComponents, type ParsedResult } from 'chrono-node';
import { addDays, describeDay, isoDay, isoMonth, isoYear, MONTHS, parseIsoDay, toTime, WEEKDAYS, weekday, type Day } from './calendarDays';
import { PHRASE_RULES } from './rules';
import { dated, forAuthor, type DatePhrase, type Resolution } from './types';

/**
 * Finds the temporal expressions of a text and resolves each against the publication date into EDTF at the
 * precision the words support, with the explanation that becomes the event's dateBasis.
 * `published` is the dateline as an ISO day ("2024-11-18"); without one, nothing relative can be resolved.
 */
export function findDatePhrases(text: string, published: string): DatePhrase[] {
  const pub = parseIsoDay(published);
  if (!pub) return [];
  const claimed: DatePhrase[] = [];
  const weak: DatePhrase[] = [];
  for (const rule of PHRASE_RULES) {
    for (const match of text.matchAll(rule.pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (overlapsAny(claimed, start, end) || overlapsAny(weak, start, end)) continue;
      const resolution = rule.resolve(match as RegExpExecArray, pub);
      if (resolution) (rule.weak ? weak : claimed).push({ start, end, text: match[0], ...resolution });
    }
  }
  // The parser runs at noon UTC of the dateline, so no time zone can move the day.
  const reference = { instant: new Date(toTime(pub) + 43_200_000), timezone: 0 };
  const parsed = lines(text).flatMap(({ line, offset }) =>
    casual.parse(line, reference, { forwardDate: false }).flatMap((result) => {
      const start = offset + result.index;
      if (overlapsAny(claimed, start, start + result.text.length) || !isDatePhrase(result.text)) return [];
      const resolution = resolveParsed(result, pub);
      return resolution ? [{ start, end: start + result.text.length, text: result.text, ...resolution }] : [];
    }),
  );
  const found = [...claimed, ...parsed, ...weak.filter((w) => !overlapsAny(parsed, w.start, w.end) && !overlapsAny(claimed, w.start, w.end))];
  return found.map((phrase) => withContext(text, phrase, pub)).sort((a, b) => a.start - b.start);
}

/** A date never runs across a line break: the parser would join a byline to a dateline. */
function lines(text: string): { line: string; offset: number }[] {
  return [...text.matchAll(/[^\n]+/g)].map((m) => ({ line: m[0], offset: m.index }));
}

/** A weekday abbreviation alone is more often a name ("Melanie Sun") than a day. */
function isDatePhrase(words: string): boolean {
  return !/^(?:on\s+)?(?:sun|mon|tue|tues|wed|thu|thur|thurs|fri|sat)$/i.test(words);
}

function overlapsAny(phrases: readonly DatePhrase[], start: number, end: number): boolean {
  return phrases.some((p) => p.start < end && start < p.end);
}

const certain = (c: ParsedComponents, ...parts: Parameters<ParsedComponents['isCertain']>[0][]) => parts.every((p) => c.isCertain(p));
const componentDay = (c: ParsedComponents): Day => ({ year: c.get('year') ?? 0, month: c.get('month') ?? 1, day: c.get('day') ?? 1 });
const monthDay = (d: Day) => `${MONTHS[d.month - 1]} ${d.day}`;

/** A bound written at the precision the words give, or null when they give no year, month or day. */
function bound(c: ParsedComponents, pub: Day, impliedYear?: number): { edtf: string; says: string; assumedYear: boolean } | null {
  const d = componentDay(c);
  // "Jan. 3 to Jan. 5, 2023": the start takes the year its end gives.
  const yearGiven = c.isCertain('year') || impliedYear !== undefined;
  const year = c.isCertain('year') ? d.year : (impliedYear ?? pub.year);
  if (certain(c, 'month', 'day')) {
    const day = { ...d, year };
    return { edtf: isoDay(day), says: yearGiven ? `${monthDay(day)}, ${year}` : monthDay(day), assumedYear: !yearGiven };
  }
  if (c.isCertain('month')) return { edtf: isoMonth({ year, month: d.month }), says: `${MONTHS[d.month - 1]}${yearGiven ? ` ${year}` : ''}`, assumedYear: !yearGiven };
  if (yearGiven) return { edtf: isoYear(d.year), says: String(d.year), assumedYear: false };
  return null;
}

function resolveParsed(result: ParsedResult, pub: Day): Resolution | null {
  const words = result.text;
  // "now" and times of day on their own say nothing a timeline can place beyond the dateline.
  if (/^(?:now|tonight|this (?:morning|afternoon|evening)|noon|midnight)$/i.test(words)) return null;
  if (result.tags().has('result/relativeDate')) {
    const other = isoDay({ year: result.start.get('year') ?? pub.year, month: result.start.get('month') ?? pub.month, day: result.start.get('day') ?? pub.day });
    const [from, to] = other < isoDay(pub) ? [other, isoDay(pub)] : [isoDay(pub), other];
    return forAuthor(`“${words}” is a span counted from publication on ${isoDay(pub)}: about ${from} to ${to}. Say which part of it the event falls in.`, `${from}/${to}`);
  }
  const start = result.start;
  if (!certain(start, 'day') && !start.isCertain('month') && start.isCertain('weekday')) return weekdayReading(words, start.get('weekday') ?? 0, pub);
  const endYear = result.end?.isCertain('year') ? (result.end.get('year') ?? undefined) : undefined;
  const first = bound(start, pub, start.isCertain('year') ? undefined : endYear);
  if (!first) return null;
  const last = result.end ? bound(result.end, pub) : null;
  if (last) return dated(`${first.edtf}/${last.edtf}`, `The text gives the span from ${first.says} to ${last.says}${first.assumedYear || last.assumedYear ? `; the year ${pub.year} is taken from the dateline (${isoDay(pub)})` : ''}.`, [], first.assumedYear);
  if (!first.assumedYear) return dated(first.edtf, `The text gives the date ${first.says}.`);
  const after = first.edtf > isoDay(pub).slice(0, first.edtf.length);
  const explanation = `The text gives ${first.says} without a year; the article's dateline (${isoDay(pub)}) implies ${pub.year}, so ${first.edtf}.`;
  if (!after) return dated(first.edtf, explanation);
  const earlier = `${isoYear(pub.year - 1)}${first.edtf.slice(4)}`;
  return dated(first.edtf, `${explanation} That is after publication: if the text looks back, ${pub.year - 1} is meant.`, [{ edtf: earlier, explanation: `The text gives ${first.says} without a year; looking back from the dateline (${isoDay(pub)}), the last one was in ${pub.year - 1}, so ${earlier}.` }], true);
}

/** A weekday without a date: the nearest such day up to the dateline, unless the words say "next". */
function weekdayReading(words: string, day: number, pub: Day): Resolution {
  const back = (weekday(pub) - day + 7) % 7;
  const name = WEEKDAYS[day] as string;
  if (/\bnext\b|\bcoming\b/i.test(words)) {
    const ahead = (day - weekday(pub) + 7) % 7 || 7;
    const d = addDays(pub, ahead);
    return dated(isoDay(d), `The article was published on ${describeDay(pub)}; the following ${name} is ${isoDay(d)}.`);
  }
  if (back === 0 && !/\blast\b/i.test(words)) return dated(isoDay(pub), `The article was published on ${describeDay(pub)}; “${words}” is the day of publication.`);
  const d = addDays(pub, -(back || 7));
  return dated(isoDay(d), `The article was published on ${describeDay(pub)}; the preceding ${name} is ${isoDay(d)}.`);
}

const PREPOSITION_BEFORE = /\b(?:on|in|from)\s+$/i;
const SINCE_RIGHT_BEFORE = /\bsince\s+$/i;
const SINCE_IN_CLAUSE = /\bsince\b[^.;:!?]*$/i;

/**
 * Takes in the preposition that belongs to the date ("on Nov. 17", "in February 2022"), and reads "since X"
 * as running from X to publication: the reading when "since" governs the date, an alternative when it is
 * further back in the clause ("since Russian forces invaded in February 2022").
 */
function withContext(text: string, phrase: DatePhrase, pub: Day): DatePhrase {
  let { start } = phrase;
  const before = text.slice(Math.max(0, start - 8), start);
  const preposition = PREPOSITION_BEFORE.exec(before);
  if (preposition) start -= preposition[0].length;
  const edtf = phrase.reading.edtf;
  const since = edtf !== null && !edtf.includes('/') ? text.slice(Math.max(0, start - 80), start) : '';
  const untilPublication = `${edtf}/${isoDay(pub)}`;
  if (edtf !== null && SINCE_RIGHT_BEFORE.test(since)) {
    start -= (SINCE_RIGHT_BEFORE.exec(since) as RegExpExecArray)[0].length;
    const words = text.slice(start, phrase.end);
    return { ...phrase, start, text: words, reading: { edtf: untilPublication, explanation: `“${words}”: from ${edtf} up to publication on ${isoDay(pub)}.` }, alternatives: [phrase.reading as { edtf: string; explanation: string }, ...phrase.alternatives] };
  }
  const result = { ...phrase, start, text: text.slice(start, phrase.end) };
  if (edtf !== null && SINCE_IN_CLAUSE.test(since)) {
    const clause = `${(SINCE_IN_CLAUSE.exec(since) as RegExpExecArray)[0]}${result.text}`;
    result.alternatives = [...phrase.alternatives, { edtf: untilPublication, explanation: `“${clause}”: from ${edtf} up to publication on ${isoDay(pub)}.` }];
  }
  return result;
}

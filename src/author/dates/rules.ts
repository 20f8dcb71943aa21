import { addDays, addMonths, describeDay, isoDay, isoMonth, isoYear, MONTHS, weekday, type Day } from './calendarDays';
import { dated, forAuthor, type Resolution } from './types';

/**
 * Expressions a general date parser gets wrong for a timeline: it resolves "last year" to a day a year ago
 * and "earlier this year" to January 1st, and does not see "at the time" at all. Each rule here says what
 * the words support and no more.
 */
export interface PhraseRule {
  pattern: RegExp;
  resolve: (match: RegExpExecArray, published: Day) => Resolution | null;
  /** A weak rule yields to a longer date the parser found around it ("of 2023" in "June of 2023"). */
  weak?: boolean;
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};
const COUNT = `(\\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`;
const count = (word: string | undefined) => NUMBER_WORDS[(word ?? '').toLowerCase()] ?? Number(word);

const quoted = (words: string) => `“${words.charAt(0).toUpperCase()}${words.slice(1)}”`;
const publishedOn = (p: Day) => `in an article published on ${isoDay(p)}`;

function relativeYear(match: RegExpExecArray, p: Day): Resolution {
  const words = match[0];
  const which = (match[1] ?? '').toLowerCase();
  const offset = which === 'last' || which === 'past' || which === 'previous' ? -1 : which === 'next' ? 1 : 0;
  const year = p.year + offset;
  return dated(isoYear(year), `${quoted(words)} ${publishedOn(p)} means ${year}; no month is given.`);
}

function relativeMonth(match: RegExpExecArray, p: Day): Resolution {
  const which = (match[1] ?? '').toLowerCase();
  const month = addMonths({ ...p, day: 1 }, which === 'last' || which === 'previous' ? -1 : which === 'next' ? 1 : 0);
  return dated(isoMonth(month), `${quoted(match[0])} ${publishedOn(p)} means ${MONTHS[month.month - 1]} ${month.year}; no day is given.`);
}

/** Weeks run Monday to Sunday, as in ISO 8601. */
function relativeWeek(match: RegExpExecArray, p: Day): Resolution {
  const which = (match[1] ?? '').toLowerCase();
  const monday = addDays(p, -((weekday(p) + 6) % 7));
  const first = addDays(monday, which === 'last' || which === 'previous' ? -7 : which === 'next' ? 7 : 0);
  const last = addDays(first, 6);
  return dated(`${isoDay(first)}/${isoDay(last)}`, `${quoted(match[0])} ${publishedOn(p)} (a ${describeDay(p).split(' ')[0]}) is the week from Monday ${isoDay(first)} to Sunday ${isoDay(last)}; no day is given.`);
}

function earlierThisYear(match: RegExpExecArray, p: Day): Resolution {
  const start = { year: p.year, month: 1, day: 1 };
  return dated(
    isoYear(p.year),
    `${quoted(match[0])} ${publishedOn(p)} means some time in ${p.year} before publication; no month is given.`,
    [{ edtf: `${isoDay(start)}/${isoDay(p)}`, explanation: `${quoted(match[0])}: between the start of ${p.year} and publication on ${isoDay(p)}.` }],
  );
}

function laterThisYear(match: RegExpExecArray, p: Day): Resolution {
  const end = { year: p.year, month: 12, day: 31 };
  return dated(
    isoYear(p.year),
    `${quoted(match[0])} ${publishedOn(p)} means some time in ${p.year} after publication; no month is given.`,
    [{ edtf: `${isoDay(p)}/${isoDay(end)}`, explanation: `${quoted(match[0])}: between publication on ${isoDay(p)} and the end of ${p.year}.` }],
  );
}

function ago(match: RegExpExecArray, p: Day): Resolution {
  const n = count(match[1]);
  const unit = (match[2] ?? '').toLowerCase().replace(/s$/, '');
  const what = `${quoted(match[0])} ${publishedOn(p)}`;
  if (unit === 'day') {
    const d = addDays(p, -n);
    return dated(isoDay(d), `${what} is ${describeDay(d)}.`);
  }
  if (unit === 'week') {
    const d = addDays(p, -7 * n);
    return dated(`${isoDay(d)}~`, `${what} is about ${isoDay(d)}; the day is approximate.`);
  }
  if (unit === 'month') {
    const d = addMonths(p, -n);
    return dated(`${isoMonth(d)}~`, `${what} is about ${MONTHS[d.month - 1]} ${d.year}; the month is approximate.`);
  }
  return dated(`${isoYear(p.year - n)}~`, `${what} is about ${p.year - n}; the year is approximate.`);
}

function dayWord(match: RegExpExecArray, p: Day): Resolution {
  const word = (match[0] ?? '').toLowerCase();
  const d = addDays(p, word === 'yesterday' ? -1 : word === 'tomorrow' ? 1 : 0);
  return dated(isoDay(d), `${quoted(match[0])} ${publishedOn(p)} is ${describeDay(d)}.`);
}

function atPublication(match: RegExpExecArray, p: Day): Resolution {
  return dated(isoDay(p), `${quoted(match[0])}: true at publication, on ${isoDay(p)}; the text does not say since when.`);
}

function yearAlone(match: RegExpExecArray): Resolution {
  const year = match[2] as string;
  const part = match[1] ? ` (“${match[1].toLowerCase()}”) ` : ' ';
  return dated(year, `The text names the year ${year}${part}but no month.`);
}

function season(match: RegExpExecArray): Resolution {
  const year = match[2] as string;
  return dated(year, `The text names a season of ${year} (${quoted(match[1] ?? '')}), which falls in different months by hemisphere; the timeline places it in the year ${year}.`);
}

function decade(match: RegExpExecArray): Resolution {
  const start = Number(match[1]);
  return dated(`${start}/${start + 9}`, `${quoted(match[0])} is the decade ${start} to ${start + 9}.`);
}

function termPeriod(match: RegExpExecArray): Resolution {
  return forAuthor(
    `${quoted(match[0])} names part of someone's time in office; the text does not give its dates. Work out the bounds from other statements (when the term ends, when it was reported) and write them as an interval.`,
  );
}

function anaphora(match: RegExpExecArray): Resolution {
  return forAuthor(`${quoted(match[0])} refers to a time named elsewhere in the text; give the date of that time, or the interval that bounds it.`);
}

const THIS = '(this|last|past|previous|next)';

/** Ordered: the first rule to claim a stretch of text wins it. */
export const PHRASE_RULES: PhraseRule[] = [
  { pattern: /\b(?:[A-Z][\w’'-]*(?:’s|'s)\s+)?(?:first|last|final)\s+(?:\w+\s+)?(?:days|weeks|months|years)\s+in\s+office\b/g, resolve: termPeriod },
  { pattern: /\bearlier\s+this\s+year\b/gi, resolve: earlierThisYear },
  { pattern: /\blater\s+this\s+year\b/gi, resolve: laterThisYear },
  { pattern: new RegExp(`\\b${THIS}\\s+year\\b`, 'gi'), resolve: relativeYear },
  { pattern: new RegExp(`\\b${THIS}\\s+month\\b`, 'gi'), resolve: relativeMonth },
  { pattern: new RegExp(`\\b${THIS}\\s+week\\b`, 'gi'), resolve: relativeWeek },
  { pattern: new RegExp(`\\b${COUNT}\\s+(days?|weeks?|months?|years?)\\s+ago\\b`, 'gi'), resolve: ago },
  { pattern: /\b(?:yesterday|today|tomorrow)\b/gi, resolve: dayWord },
  { pattern: /\b(?:as\s+of\s+publication(?:\s+time)?|at\s+the\s+time\s+of\s+(?:writing|publication)|currently|at\s+present)\b/gi, resolve: atPublication },
  { pattern: /\b(?:at\s+the\s+time|back\s+then|at\s+that\s+time)\b/gi, resolve: anaphora },
  { pattern: /\b(spring|summer|autumn|fall|winter)\s+(?:of\s+)?(\d{4})\b/gi, resolve: season },
  { pattern: /\b(?:in\s+)?the\s+(\d{3}0)s\b/gi, resolve: decade },
  {
    pattern: /\b(?:in|since|by|during|until|through|from|of)\s+(?:the\s+)?(?:(early|mid|late)[-\s]+)?([12]\d{3})\b(?![-/.,]?\d)/gi,
    resolve: yearAlone,
    weak: true,
  },
  { pattern: /\b(early|mid|late)[-\s]+([12]\d{3})\b(?![-/.,]?\d)/gi, resolve: yearAlone, weak: true },
];

/** Re-export for the finder: which of its results a rule has already claimed. */
export type { Resolution };

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findDatePhrases } from '../../../src/author/dates/findDatePhrases';
import { suggestDate } from '../../../src/author/dates/suggestDate';
import type { DatePhrase } from '../../../src/author/dates/types';
import { parseEventDate } from '../../../src/data/edtfDate';

const PUBLISHED = '2024-11-18'; // a Monday

/** The one phrase found in `text`, checked to be a single find. */
function only(text: string, published = PUBLISHED) {
  const found = findDatePhrases(text, published);
  expect(found.map((p) => p.text), `phrases in ${JSON.stringify(text)}`).toHaveLength(1);
  return found[0] as DatePhrase;
}

// [text, the words marked, the EDTF suggested]
const PHRASES: [string, string, string][] = [
  ['Last year, the administration agreed.', 'Last year', '2023'],
  ['They will meet next year.', 'next year', '2025'],
  ['Sales fell this year.', 'this year', '2024'],
  ['It happened earlier this year.', 'earlier this year', '2024'],
  ['It will happen later this year.', 'later this year', '2024'],
  ['in the past year', 'past year', '2023'],
  ['Troops invaded in February 2022.', 'in February 2022', '2022-02'],
  ['Aid has flowed since February 2022.', 'since February 2022', '2022-02/2024-11-18'],
  ['The AP reported on Nov. 17.', 'on Nov. 17', '2024-11-17'],
  ['He spoke on Sunday.', 'on Sunday', '2024-11-17'],
  ['He spoke on Friday.', 'on Friday', '2024-11-15'],
  ['He spoke on Wednesday.', 'on Wednesday', '2024-11-13'],
  ['They spoke on Monday.', 'on Monday', '2024-11-18'],
  ['They met last Monday.', 'last Monday', '2024-11-11'],
  ['They meet next Friday.', 'next Friday', '2024-11-22'],
  ['A drill on July 29, 2017, near the coast.', 'on July 29, 2017', '2017-07-29'],
  ['Posted 11/18/2024 by the desk.', '11/18/2024', '2024-11-18'],
  ['It began in March.', 'in March', '2024-03'],
  ['Prices peaked in December 2023.', 'in December 2023', '2023-12'],
  ['It ended in June of 2023.', 'in June of 2023', '2023-06'],
  ['The treaty was signed in 2019.', 'in 2019', '2019'],
  ['Growth slowed in mid-2023.', 'in mid-2023', '2023'],
  ['Talks resumed in late 2023.', 'in late 2023', '2023'],
  ['Fighting paused in the spring of 2023.', 'spring of 2023', '2023'],
  ['Such raids were common in the 1990s.', 'in the 1990s', '1990/1999'],
  ['Output fell last month.', 'last month', '2024-10'],
  ['Output rose this month.', 'this month', '2024-11'],
  ['Output will rise next month.', 'next month', '2024-12'],
  ['The strikes came last week.', 'last week', '2024-11-11/2024-11-17'],
  ['The talks are this week.', 'this week', '2024-11-18/2024-11-24'],
  ['He said so yesterday.', 'yesterday', '2024-11-17'],
  ['She will speak today.', 'today', '2024-11-18'],
  ['The vote is tomorrow.', 'tomorrow', '2024-11-19'],
  ['It fell two days ago.', 'two days ago', '2024-11-16'],
  ['It fell three weeks ago.', 'three weeks ago', '2024-10-28~'],
  ['It fell six months ago.', 'six months ago', '2024-05~'],
  ['It fell 3 years ago.', '3 years ago', '2021~'],
  ['A ceasefire held from Jan. 3 to Jan. 5, 2023.', 'from Jan. 3 to Jan. 5, 2023', '2023-01-03/2023-01-05'],
  ['The town is currently occupied.', 'currently', '2024-11-18'],
  ['No reply as of publication time.', 'as of publication time', '2024-11-18'],
];

describe('findDatePhrases: each phrase resolves against the dateline at the precision its words support', () => {
  it.each(PHRASES)('%j marks %j as %s', (text, words, edtf) => {
    const phrase = only(text);
    expect(phrase.text).toBe(words);
    expect(text.slice(phrase.start, phrase.end)).toBe(words);
    expect(phrase.reading.edtf).toBe(edtf);
    expect(parseEventDate(edtf).ok, `the validator accepts ${edtf}`).toBe(true);
  });

  it('has a table of at least 40 phrases', () => {
    expect(PHRASES.length).toBeGreaterThanOrEqual(40);
  });
});

describe('findDatePhrases: explanations say how the words were resolved', () => {
  it('explains a weekday against the dateline in the words of the bundled dataset', () => {
    expect(only('He said on Sunday that').reading.explanation).toBe('The article was published on Monday 2024-11-18; the preceding Sunday is 2024-11-17.');
  });

  it('says a year was taken from the dateline when the words give only a month and day', () => {
    expect(only('reported on Nov. 17.').reading.explanation).toMatch(/without a year; the article's dateline \(2024-11-18\) implies 2024/);
  });

  it('flags a month and day after publication and offers the previous year', () => {
    const phrase = only('The attack on Dec. 25 was');
    expect(phrase.reading.edtf).toBe('2024-12-25');
    expect(phrase.needsAuthor).toBe(true);
    expect(phrase.alternatives.map((a) => a.edtf)).toEqual(['2023-12-25']);
  });

  it('offers the interval up to publication for "earlier this year"', () => {
    expect(only('earlier this year').alternatives.map((a) => a.edtf)).toEqual(['2024-01-01/2024-11-18']);
  });

  it('offers "since" further back in the clause as an interval up to publication', () => {
    const phrase = only('providing aid since Russian forces invaded in February 2022.');
    expect(phrase.reading.edtf).toBe('2022-02');
    expect(phrase.alternatives).toEqual([
      { edtf: '2022-02/2024-11-18', explanation: '“since Russian forces invaded in February 2022”: from 2022-02 up to publication on 2024-11-18.' },
    ]);
  });
});

describe('findDatePhrases: words only the author can date are flagged, not guessed', () => {
  it.each([
    ['At the time, Biden said', 'At the time'],
    ["The decision comes in Biden's last two months in office, officials said.", "in Biden's last two months in office"],
    ['a span of the past two weeks', 'past two weeks'],
  ])('%j needs the author', (text, words) => {
    const phrase = only(text);
    expect(phrase.text).toBe(words);
    expect(phrase.needsAuthor).toBe(true);
  });

  it('gives no EDTF for a period of office the text does not date', () => {
    expect(only("in Biden's last two months in office").reading.edtf).toBeNull();
  });

  it('finds nothing in a text without temporal words, and nothing without a valid dateline', () => {
    expect(findDatePhrases('Zelenskyy has long been seeking permission to use long-range weapons.', PUBLISHED)).toEqual([]);
    expect(findDatePhrases('He spoke on Sunday.', '2024-13-40')).toEqual([]);
  });

  it('does not read a byline name as a weekday, nor join a byline to a dateline across lines', () => {
    const found = findDatePhrases('By Melanie Sun\n\n11/18/2024 Updated: 11/18/2024', PUBLISHED);
    expect(found.map((p) => p.text)).toEqual(['11/18/2024', '11/18/2024']);
  });

  it('leaves a bare number that is not a year alone', () => {
    expect(findDatePhrases('It has allowed 11,000 soldiers and 2024 rounds.', PUBLISHED)).toEqual([]);
  });
});

// The bundled article's datable statements and the hand-made dataset built from it (the reference).
interface ReferenceEvent {
  id: string;
  date: string;
  excerpts: { quote: string }[];
}
const reference = JSON.parse(readFileSync('data/kursk-2024.json', 'utf8')) as {
  sources: { published: string; paragraphs: { text: string }[] }[];
  events: ReferenceEvent[];
};
const article = reference.sources[0] as (typeof reference.sources)[number];
const referenceDate = (id: string) => (reference.events.find((e) => e.id === id) as ReferenceEvent).date;
const paragraphWith = (words: string) => article.paragraphs.find((p) => p.text.includes(words))?.text ?? '';

/** A statement of the article: its words, and the date the finder suggests for it (or that it needs the author). */
type Expected = { event: string } | { edtf: string } | { needsAuthor: true } | { none: true };
const STATEMENTS: [string, Expected][] = [
  ["launched a significant cross-border operation into Russia's region of Kursk earlier this year", { event: 'ukraine-launches-kursk-incursion' }],
  ['Last year, in response to North Korea supplying Russia with long-range ballistic missiles, the Biden administration already greenlighted', { event: 'us-approves-atacms-within-ukraine' }],
  ['in response to North Korea supplying Russia with long-range ballistic missiles', { event: 'north-korea-supplies-russia-missiles' }],
  ['spoke on condition of anonymity, The Associated Press reported on Nov. 17.', { event: 'ap-reports-authorization' }],
  ['said on Sunday in response to the anonymous reports that', { event: 'zelenskyy-says-missiles-will-speak' }],
  ['told Ukrainian media on Friday that Kyiv hopes to end the war with Russia next year', { event: 'zelenskyy-hopes-for-diplomatic-end' }],
  ['providing more than $56.2 billion in security assistance since Russian forces invaded in February 2022.', { event: 'russia-invades-ukraine' }],
  ['the Russian region of Kursk, which is currently occupied by Ukraine in the ongoing war.', { edtf: article.published }],
  ['hopes to end the war with Russia next year through', { edtf: '2025' }],
  ["hasn't publicly responded to the reports as of publication time.", { edtf: article.published }],
  ['At the time, Biden said he felt allowing U.S. missiles to be used', { needsAuthor: true }],
  ["The latest decision to allow Ukraine to expand its use of U.S. missiles comes in Biden's last two months in office", { needsAuthor: true }],
  ['Zelenskyy has long been seeking permission to use long-range weapons inside Russian territories, and Biden had remained opposed.', { none: true }],
  ['Russian President Vladimir Putin has warned that if NATO allies allow Ukraine to strike inside Russian territory', { none: true }],
  ['The United Kingdom and France had also supplied Ukraine with some Storm Shadow and SCALP missiles', { none: true }],
  ['the Biden administration repeatedly has delayed providing some advanced weapons sought by Ukraine', { none: true }],
  ["That includes initially refusing Zelenskyy's pleas for advanced tanks", { none: true }],
  ['The White House declined The Epoch Times', { none: true }],
  ['President-elect Donald Trump has also said his administration will seek to de-escalate', { none: true }],
  ['Intense fighting is ongoing as Russian forces attempt to reclaim lost territory.', { none: true }],
];

describe('findDatePhrases on the bundled article: suggestions agree with the hand-made dataset', () => {
  it('has 20 statements of the article, every one quoted verbatim from it', () => {
    expect(STATEMENTS).toHaveLength(20);
    for (const [words] of STATEMENTS) expect(paragraphWith(words), words).not.toBe('');
  });

  it.each(STATEMENTS)('%j', (words, expected) => {
    const paragraph = paragraphWith(words);
    const start = paragraph.indexOf(words);
    const phrases = findDatePhrases(paragraph, article.published);
    const suggestion = suggestDate(phrases, start, start + words.length);
    if ('none' in expected) {
      expect(phrases.filter((p) => p.start >= start && p.end <= start + words.length)).toEqual([]);
      return;
    }
    expect(suggestion).not.toBeNull();
    if ('needsAuthor' in expected) {
      expect(suggestion?.phrase.needsAuthor).toBe(true);
      return;
    }
    const edtf = 'event' in expected ? referenceDate(expected.event) : expected.edtf;
    expect(suggestion?.phrase.reading.edtf).toBe(edtf);
  });

  it('offers the dataset date of the aid "since" the invasion as an alternative reading', () => {
    const words = 'since Russian forces invaded in February 2022';
    const phrases = findDatePhrases(paragraphWith(words), article.published);
    expect(phrases.flatMap((p) => p.alternatives.map((a) => a.edtf))).toContain(referenceDate('us-security-assistance-since-invasion'));
  });
});

describe('suggestDate', () => {
  const text = 'Officials met. On Friday he spoke, and next year they vote.';
  const phrases = findDatePhrases(text, PUBLISHED);

  it('proposes the first datable phrase inside the passage', () => {
    expect(suggestDate(phrases, text.indexOf('On Friday'), text.length)?.phrase.text).toBe('On Friday');
  });

  it('proposes the nearest phrase around a passage with none, marked as outside it', () => {
    expect(suggestDate(phrases, 0, 'Officials met.'.length)).toMatchObject({ inside: false, phrase: { text: 'On Friday' } });
  });

  it('proposes nothing when the text has no date phrase', () => {
    expect(suggestDate([], 0, 10)).toBeNull();
  });
});

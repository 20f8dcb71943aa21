// TimelineJS2 JSON ({"timeline": {"headline", "date": [...], "era": [...]}}), still served by Knight Lab's
// examples: each entry is read as the TimelineJS3 slide it became, located by its own path in the file.
import { formatPath, type PathSegment, type Problem } from '../problems';
import { addEra, addSlide, reportMedia, textOf, titleOf, type Locate, type Slide, type SlideDate, type SlideField } from './timelineJs';
import { DatasetBuilder, htmlToText, type ImportResult } from './shared';
import { isObject } from './sniff';

const PARTS = ['year', 'month', 'day', 'hour', 'minute', 'second'] as const;

/**
 * A TimelineJS2 date ("1963", "1963,8,9", "2012/2/11", "-500", "2012,2,11,14,30") as the parts of a
 * TimelineJS3 date; each part is checked later, where a wrong one is named.
 */
export function slideDateOfV2(text: unknown): SlideDate | undefined {
  const value = textOf(text).trim();
  if (value === '') return undefined;
  const negative = value.startsWith('-');
  const parts = (negative ? value.slice(1) : value).split(/[,/]|(?<=\d)-/);
  const date: SlideDate = {};
  parts.slice(0, PARTS.length).forEach((part, i) => {
    const name = PARTS[i] as (typeof PARTS)[number];
    date[name] = i === 0 && negative ? `-${part.trim()}` : part.trim();
  });
  if (parts.length > PARTS.length) date.second = value; // reported as not a whole number
  return date;
}

const V2_FIELDS: Record<string, PathSegment[]> = {
  start_date: ['startDate'],
  end_date: ['endDate'],
  headline: ['headline'],
  text: ['text'],
  media: ['asset', 'media'],
  credit: ['asset', 'credit'],
  group: ['tag'],
  display_date: ['displayDate'],
};

function locator(base: PathSegment[]): Locate {
  // A date part is in the one string of startDate or endDate.
  return (field: SlideField) => formatPath([...base, ...(V2_FIELDS[field.split('.')[0] as string] ?? [field])]);
}

function slideOf(entry: Record<string, unknown>): Slide {
  const asset = isObject(entry.asset) ? entry.asset : {};
  return {
    start_date: slideDateOfV2(entry.startDate),
    end_date: slideDateOfV2(entry.endDate),
    display_date: entry.displayDate,
    text: { headline: entry.headline, text: entry.text },
    media: { url: asset.media, credit: asset.credit, caption: asset.caption },
    group: entry.tag,
  };
}

/** Converts a parsed TimelineJS2 JSON object: `date` entries become events, `era` entries periods. */
export function convertTimelineJs2(value: { timeline: Record<string, unknown> }, file?: string): ImportResult {
  const builder = new DatasetBuilder('timelinejs-json', file);
  const { timeline } = value;
  const mediaLeftOut: Problem[] = [];
  const dates = Array.isArray(timeline.date) ? timeline.date : [];
  dates.forEach((entry, i) => {
    const base: PathSegment[] = ['timeline', 'date', i];
    if (!isObject(entry)) builder.skip(formatPath(base), formatPath(base), [{ path: formatPath(base), message: 'a date entry must be an object' }]);
    else addSlide(builder, slideOf(entry), locator(base), formatPath(base), `${i + 1}`, mediaLeftOut);
  });
  if (Array.isArray(timeline.era)) {
    timeline.era.forEach((era, i) => {
      const base: PathSegment[] = ['timeline', 'era', i];
      if (!isObject(era)) builder.skip(formatPath(base), `Era ${i + 1}`, [{ path: formatPath(base), message: 'an era must be an object' }]);
      else addEra(builder, slideOf(era), locator(base), formatPath(base), i);
    });
  }
  reportMedia(builder, mediaLeftOut);
  return builder.result(titleOf(timeline.headline, file), htmlToText(textOf(timeline.text)) || undefined);
}

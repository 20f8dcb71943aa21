import { enUS } from 'date-fns/locale/en-US';
import type { LanguagePack } from '../messages';

/**
 * English: the reference language. Every other language file provides exactly these keys; `{name}` marks
 * a parameter, plural messages give one string per CLDR category (English: one, other). Date patterns are
 * date-fns `format` patterns (https://date-fns.org/docs/format).
 */
const messages = {
  // The app shell
  'app.loading': 'Loading the timeline…',
  'app.downloaded': '{megabytes} MB',
  'app.downloadedPercent': '{megabytes} MB ({percent}%)',
  'app.downloadProgress': 'Download progress',
  'app.openDataset': 'Open dataset',
  'app.loadSample': { one: 'Load sample: {count} event', other: 'Load sample: {count} events' },
  'app.originSample': { one: 'Showing {count} generated event: synthetic data for trying the timeline at scale', other: 'Showing {count} generated events: synthetic data for trying the timeline at scale' },
  'app.generating': { one: 'Generating a sample of {count} event…', other: 'Generating a sample of {count} events…' },
  'app.checking': 'Checking events: {done} of {total}',
  'app.sending': { one: 'Handing {count} event to the page…', other: 'Handing {count} events to the page…' },
  'app.drawing': { one: 'Drawing the timeline of {count} event…', other: 'Drawing the timeline of {count} events…' },
  'app.checkProgress': 'Progress of checking the events',
  'app.originFile': 'Showing {name}, opened from your computer (not shareable by link)',
  'app.originUrl': 'Loaded from {url}',
  'app.backToBundled': 'Back to the bundled dataset',
  'app.loadFailed': 'This dataset could not be loaded',
  'app.importCannotShow': 'This {format} cannot be shown',
  'format.timelinejs-json': 'TimelineJS file',
  'format.timelinejs-csv': 'TimelineJS spreadsheet',
  'format.csv': 'CSV file',
  'language.label': 'Language',

  // Problems with a dataset
  'problems.cannotShow': 'This dataset cannot be shown',
  'problems.found': { one: 'One problem was found.', other: '{count} problems were found.' },
  'problems.where': 'Each names where it is in the file, as a JSON path or a line and column.',
  'problems.inEnglish': 'The problems are described in English, as the command-line validator reports them.',
  'problems.openBundled': 'Open the bundled dataset instead',
  'problems.rejected': {
    one: '{count} item in this dataset could not be used and is not shown. See why',
    other: '{count} items in this dataset could not be used and are not shown. See why',
  },
  'problems.more': { one: '…and {count} more problem.', other: '…and {count} more problems.' },

  // An unexpected failure
  'crash.heading': 'Something went wrong while showing this timeline',
  'crash.body': 'The page could not draw this view. Reloading usually helps; if it does not, the details below tell us what failed.',
  'crash.reload': 'Reload',
  'crash.details': 'Error details (select and copy)',

  // Masthead and toolbar
  'masthead.kicker': 'Interactive timeline',
  'masthead.credit': 'Source: {sources}. Every event links to the passage it was taken from.',
  'masthead.imported': 'Imported from a {format}. Events it gives no quotation for are marked “No source excerpt”.',
  'masthead.importedFile': 'Imported from “{file}”, a {format}. Events it gives no quotation for are marked “No source excerpt”.',
  'credit.sourceUndated': '{outlet}, “{title}”',
  'credit.sourceWithAuthorUndated': '{outlet}, “{title}” by {author}',
  'credit.source': '{outlet}, “{title}”, {date}',
  'credit.sourceWithAuthor': '{outlet}, “{title}” by {author}, {date}',
  'credit.more': { one: '{list}; and {count} more source', other: '{list}; and {count} more sources' },
  'search.label': 'Search events',
  'search.placeholder': 'Words from titles, summaries, actors or excerpts',
  'filter.byActor': 'Filter by actor',
  'filter.chosen': '({chosen} of {total})',
  'filter.clear': 'Clear filters',
  'views.label': 'Presentation',
  'views.timeline': 'Timeline',
  'views.list': 'List',
  'empty.noEvents': 'This dataset has no events yet.',
  'empty.noMatch': 'No events match, because {reasons}.',
  'exclusion.noActors': 'no actors are chosen',
  'exclusion.onlyActors': { one: 'only {actors} is chosen', other: 'only {actors} are chosen' },
  'exclusion.search': 'the search is “{query}”',
  'live.selected': 'Selected: {title}, {date}',
  'notice.selectionHidden': '“{title}” is hidden by the filters, so it is no longer selected.',
  'events.count': { one: '{count} event', other: '{count} events' },

  // Actor filter
  'filter.actors': 'Actors',
  'filter.all': 'All',
  'filter.none': 'None',
  'filter.states': 'States and alliances',
  'filter.organizations': 'Organizations',
  'filter.people': 'People',
  'filter.includedWith': ', included with {name}',
  'filter.only': 'Only',
  'filter.onlyActor': 'Only {name}',

  // Event details
  'details.heading': 'Event details',
  'details.previous': 'Previous event',
  'details.next': 'Next event',
  'details.position': '{position} of {total}',
  'details.datedBy': 'Dated by',
  'details.inSourceWords': 'In the source’s words',
  'details.noExcerpt': 'No source excerpt',
  'details.noExcerptNote': 'The imported file gives no quotation for this event; check it against the original before relying on it.',
  'details.showInSource': 'Show in source',
  'details.empty': 'Select an event on the timeline, or a highlighted passage in the source, to see what happened and the words that say so.',
  'attribution.on-record': 'On the record',
  'attribution.anonymous': 'Anonymous sources',
  'attribution.other-outlet': 'Reported by another outlet',
  'attribution.publication': 'Stated by the publication',

  // List
  'list.matches': { one: '{shown} of {count} event matches “{query}”', other: '{shown} of {count} events match “{query}”' },

  // Source
  'source.heading': 'Source',
  'source.byAuthor': 'By {author}',
  'source.published': 'Published {date}',
  'source.hiddenByFilters': 'Hidden by the current filters',
  'source.showOnTimeline': 'Show on the timeline: {titles}',
  'source.photoCaption': 'Photo caption:',
  'source.noTexts': 'The imported file quotes no source texts.',
  'source.showAll': {
    one: 'Show all {paragraphs} paragraphs of {count} source',
    other: 'Show all {paragraphs} paragraphs of {count} sources',
  },

  // Timeline
  'timeline.region': 'Timeline of {title}',
  'timeline.zoom': 'Zoom',
  'timeline.zoomIn': 'Zoom in',
  'timeline.zoomOut': 'Zoom out',
  'timeline.fitAll': 'Fit all',
  'timeline.hint': 'Scroll or pinch to zoom, drag to pan.',
  'timeline.hintEmbedded': 'Ctrl + scroll or pinch to zoom, drag to pan.',
  'timeline.hintKeys': 'Arrow keys step through events.',
  'timeline.published': 'Published',
  'timeline.wheelHint': 'Hold Ctrl (⌘ on a Mac) and scroll to zoom',
  'timeline.empty': 'No events in this stretch of time. Fit all',
  'timeline.periods': 'Periods',
  'mark.event': '{title}, {date}',
  'mark.cluster': { one: '{count} event, {range}', other: '{count} events, {range}' },
  'mark.inCluster': '{event}; in a group of {cluster}',
  'mark.zoomHint': '{summary}: activate to zoom in',
  'mark.alsoInvolves': 'Also involves {actor}: {event}',
  'overview.label': 'Overview of the whole timeline',
  'overview.start': 'Start of visible window',
  'overview.window': 'Visible window',
  'overview.end': 'End of visible window',
  'overview.range': '{start} – {end}',

  // Share and embed
  'share.button': 'Share / Embed',
  'share.heading': 'Share or embed this view',
  'share.close': 'Close',
  'share.note': 'The link and the embed keep the selected event, the visible window, the filters, the search and the language.',
  'share.link': 'Link',
  'share.copy': 'Copy',
  'share.copied': 'Copied',
  'share.copyField': 'Copy {field}',
  'share.theme': 'Embed theme',
  'share.themeAuto': 'Follow the reader’s setting',
  'share.themeLight': 'Light',
  'share.themeDark': 'Dark',
  'share.embedCode': 'Embed code',
  'share.iframe': 'Plain iframe',
  'share.preview': 'Preview',
  'share.previewTitle': 'Preview: {title}',
  'embed.name': 'Timeline: {name}',
  'embed.openFull': 'Open full timeline',
  'embed.readSource': 'Read the source: {outlets}',

  // Downloads (in the Share dialog)
  'download.heading': 'Download',
  'download.note': 'The data holds the events the filters and the search leave (all of them, however many); the pictures show only the window on screen now, as drawn there (crowded events as clusters), with a legend and the source.',
  'download.making': 'Making {file}…',
  'download.csv': 'Events as CSV ({events})',
  'download.json': 'Events as JSON ({events})',
  'download.svg': 'View as SVG',
  'download.png': 'View as PNG (2× size)',
  'download.failed': 'Could not make {file}: {reason}',
  'download.noCanvas': 'This browser cannot draw the picture (no canvas).',
  'download.pngFailed': 'The browser could not encode the PNG.',

  // The downloaded picture
  'picture.app': 'Conflict timeline',
  'picture.shown': 'Shown: {range}',
  'picture.noActors': 'No actors chosen',
  'picture.onlyActors': 'Only events involving {actors}',
  'picture.searchFaded': 'Events matching “{query}” in full colour, others faded',
  'picture.legendPoint': 'one date',
  'picture.legendSpan': 'a period (faded ends: known to the month or year)',
  'picture.legendCluster': 'several events, with their count',
  'picture.source': 'Source: {credit}',
  'picture.moreSources': { one: 'and {count} more source', other: 'and {count} more sources' },
  'picture.madeWith': 'Made with {app}: {url}',

  // Dates (date-fns patterns; quote literal words: 'UTC')
  'date.pattern.month': 'MMMM y',
  'date.pattern.monthShort': 'MMM y',
  'date.pattern.day': 'MMM d, y',
  'date.pattern.time': "MMM d, y, HH:mm 'UTC'",
  'date.pattern.monthName': 'MMMM',
  'date.pattern.monthNameShort': 'MMM',
  'date.pattern.dayMonth': 'MMM d',
  'date.pattern.hour': 'HH:mm',
  'date.pattern.weekdayDay': 'EEE, MMM d, y',
  'date.about': 'about {date}',
  'date.between': 'between {from} and {to}',
  'date.bce': '{year} BCE',
  'date.bceMonth': '{month} {year}',
  'date.bceDay': '{dayMonth}, {year}',
  'date.rangeInMonth': '{month} {fromDay}–{toDay}, {year}',
  'date.rangeInYear': '{from}–{to} {year}',
  'date.rangeYears': '{from}–{to}',
} as const;

export type EnglishMessages = typeof messages;

const english: LanguagePack<EnglishMessages> = { messages, dateLocale: enUS };
export default english;

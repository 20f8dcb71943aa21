/** Calendar facts that need no date library, so the app's main bundle can check dates without edtf. */

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month of the proleptic Gregorian calendar (astronomical years, so 0 and -4 are leap years). */
export function daysInMonth(year: number, month: number): number {
  return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** The first calendar date in the text that does not exist, such as 2023-02-29; edtf would roll it over. */
export function impossibleDay(text: string): string | null {
  for (const match of text.matchAll(/(-?\d{4,})-(\d{2})-(\d{2})/g)) {
    const [whole, y, m, d] = match;
    const month = Number(m);
    if (month >= 1 && month <= 12 && Number(d) > daysInMonth(Number(y), month)) return whole;
  }
  return null;
}

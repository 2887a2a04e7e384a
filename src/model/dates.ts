/** Catalogue dates: YYYY-MM-DD, YYYY-MM or YYYY (the schema checks the shape; this, the calendar). */

/** YYYY-MM-DD, YYYY-MM or YYYY. */
export const DATE_SHAPE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** True when every part is real: month 01-12, a day that exists in that month (leap years too). */
export function isRealDate(s: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  if (m[2] === undefined) return year > 0;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  return day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * True when `later` is certainly before `earlier`, comparing only the precision both have:
 * "2023" is not before "2023-10", but "2022-12" is before "2023".
 */
export function isBefore(later: string, earlier: string): boolean {
  const n = Math.min(later.length, earlier.length);
  return later.slice(0, n) < earlier.slice(0, n);
}

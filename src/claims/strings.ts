/**
 * A catalogue string (a localized text or a match term) is either plain text, or
 * `{ text, unverified: true }` until a speaker of the language has checked it.
 */
export type CheckedString = string | { text: string; unverified?: boolean | undefined };

/** The words of a catalogue string, checked or not. */
export function textOf(s: CheckedString): string {
  return typeof s === 'string' ? s : s.text;
}

/** True when the string is marked `unverified: true`. */
export function isUnverified(s: CheckedString | undefined): boolean {
  return typeof s === 'object' && s.unverified === true;
}

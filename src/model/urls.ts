/** Catalogue addresses: absolute https URLs a reader can open. */

/** Why a string is not a usable absolute https address, or null when it is one. */
export function urlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'not a valid address';
  }
  if (url.protocol !== 'https:') return 'must be an absolute https:// address';
  if (url.username || url.password) return 'must not contain a user name or password';
  if (!url.hostname.includes('.')) return 'needs a full host name (like example.org)';
  return null;
}

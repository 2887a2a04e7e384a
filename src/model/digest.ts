/**
 * The digest's JSON shape (GET /api/digest, `claimdesk digest --json`, the scheduled post, the desk).
 * Entries are ordered by alerts, then checks, then id.
 */
export interface DigestLink {
  url: string;
  title: string | null;
  at: string;
}

export interface DigestEntry {
  id: string;
  title: string;
  checks: number;
  alerts: number;
  reports: number;
  debunks: number;
  links: DigestLink[];
}

export interface Digest {
  from: string;
  to: string;
  checks: number;
  alerts: number;
  unreadable: number;
  entries: DigestEntry[];
  feedback: { helpful: number; wrong: number };
}

/**
 * Bytes → text. The order follows the HTML standard: a byte-order mark wins, then the Content-Type
 * charset, then `<meta charset>` / `<meta http-equiv="Content-Type">` in the first bytes. With nothing
 * declared, valid UTF-8 is UTF-8 and anything else is read as windows-1251 — the legacy encoding of
 * the Russian-language web this bot reads most. iconv-lite decodes windows-1251, KOI8-R and the rest.
 */
import iconv from 'iconv-lite';

const PRESCAN_BYTES = 4096;

function fromBom(buf: Uint8Array): string | null {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return 'utf-8';
  if (buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  if (buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
  return null;
}

function usable(label: string | null | undefined): string | null {
  if (!label) return null;
  const l = label.trim().toLowerCase();
  if (l === 'x-user-defined') return 'windows-1252';
  return iconv.encodingExists(l) ? l : null;
}

/** The charset declared by a <meta> tag in the first bytes of an HTML document, if any. */
export function metaCharset(buf: Uint8Array): string | null {
  const head = Buffer.from(buf.subarray(0, PRESCAN_BYTES)).toString('latin1');
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (direct?.[1]) {
      const label = usable(direct[1]);
      // A page that says UTF-16 in ASCII-compatible bytes is really UTF-8 (HTML standard).
      if (label) return label.startsWith('utf-16') ? 'utf-8' : label;
    }
  }
  return null;
}

function isValidUtf8(buf: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}

export interface Decoded {
  text: string;
  charset: string;
}

export function decodeBody(buf: Uint8Array, headerCharset: string | null, isHtml: boolean): Decoded {
  const charset =
    fromBom(buf) ??
    usable(headerCharset) ??
    (isHtml ? metaCharset(buf) : null) ??
    (isValidUtf8(buf) ? 'utf-8' : 'windows-1251');
  return { text: iconv.decode(Buffer.from(buf), charset), charset };
}

/**
 * Which responses are read: HTML, XHTML and plain text. A missing Content-Type is sniffed cautiously
 * from the first bytes: markup → HTML, clean text → plain text, anything binary → refused.
 */

export type PageKind = 'html' | 'text';

export interface ContentType {
  /** Lower-case MIME type without parameters, '' when absent. */
  mime: string;
  charset: string | null;
}

export function parseContentType(header: string | null | undefined): ContentType {
  if (!header) return { mime: '', charset: null };
  const [type = '', ...params] = header.split(';');
  let charset: string | null = null;
  for (const p of params) {
    const m = /^\s*charset\s*=\s*"?([^";\s]+)"?\s*$/i.exec(p);
    if (m?.[1]) charset = m[1].toLowerCase();
  }
  return { mime: type.trim().toLowerCase(), charset };
}

/** 'html' / 'text' for allowed types, null for a missing type (sniff), or a description to refuse. */
export function kindOfType(mime: string): PageKind | null | { refuse: string } {
  if (mime === '') return null;
  if (mime === 'text/html' || mime === 'application/xhtml+xml') return 'html';
  if (mime === 'text/plain') return 'text';
  return { refuse: describeType(mime) };
}

function describeType(mime: string): string {
  if (mime === 'application/pdf') return 'a PDF document';
  if (mime.startsWith('image/')) return 'an image';
  if (mime.startsWith('video/')) return 'a video';
  if (mime.startsWith('audio/')) return 'an audio file';
  if (mime.includes('json')) return 'JSON data';
  if (mime.includes('xml')) return 'an XML file';
  if (/zip|compressed|tar|rar|7z/.test(mime)) return 'an archive';
  if (/msword|officedocument|opendocument/.test(mime)) return 'an office document';
  if (/^[\w.+-]+\/[\w.+-]+$/.test(mime)) return `a file of type ${mime}`;
  return 'a file of an unknown type';
}

const BINARY_MAGIC: ReadonlyArray<[string, number[]]> = [
  ['a PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['an image', [0x89, 0x50, 0x4e, 0x47]],
  ['an image', [0xff, 0xd8, 0xff]],
  ['an image', [0x47, 0x49, 0x46, 0x38]],
  ['an archive', [0x50, 0x4b, 0x03, 0x04]],
  ['an archive', [0x1f, 0x8b]],
];

function startsWith(buf: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => buf[i] === b);
}

/** Sniffs a body that came without a Content-Type. */
export function sniffKind(body: Uint8Array): PageKind | { refuse: string } {
  const head = body.subarray(0, 1024);
  for (const [what, sig] of BINARY_MAGIC) if (startsWith(head, sig)) return { refuse: what };
  let controls = 0;
  for (const b of head) {
    if (b === 0) return { refuse: 'a file of an unknown type' };
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) controls += 1;
  }
  if (controls > 4) return { refuse: 'a file of an unknown type' };
  const text = Buffer.from(head)
    .toString('latin1')
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart()
    .toLowerCase();
  if (/^<(!doctype\s+html|html|head|body|title|meta|!--|p[\s>]|div|article|script|link)/.test(text))
    return 'html';
  return 'text';
}

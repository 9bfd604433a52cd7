// Bytes to text. A byte-order mark decides first (UTF-8, UTF-16LE/BE); then UTF-8; a page that is
// not valid UTF-8 is decoded with the charset it declares (HTML meta, XML prolog), with
// windows-1252 standing in for ISO-8859-1 and US-ASCII as browsers do (WHATWG Encoding).
// Binary input (a NUL byte, a known file signature, many control bytes) and undeclared
// non-UTF-8 input are refused with a one-line InputError.
import { InputError } from './input-error.ts';

const DECLARED_CHARSET = [
  // <meta charset="windows-1252"> and <meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">
  /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i,
  /<\?xml[^>]+encoding\s*=\s*["']([\w:.-]+)["']/i,
];

/** The charset a document declares in its first 4 KB, lower-cased, or null. */
export function declaredCharset(head: string): string | null {
  for (const pattern of DECLARED_CHARSET) {
    const m = pattern.exec(head);
    if (m) return m[1]!.toLowerCase();
  }
  return null;
}

/**
 * Decodes an input's bytes to text, or throws an InputError saying why it cannot. `markup`: look
 * for a declared charset. `transportCharset`: the charset the transport declared (HTTP
 * Content-Type), which takes the place of the document's own declaration, as in browsers.
 */
export function decodeBytes(name: string, bytes: Buffer, markup: boolean, transportCharset: string | null = null): string {
  if (bytes.length === 0) throw new InputError(name, 'empty input');
  const text = decodeOrRefuse(name, bytes, markup, transportCharset);
  if (text.trim() === '') throw new InputError(name, 'empty input (only white space)');
  if (tooManyControls(text)) throw new InputError(name, 'binary data, not text (control characters)');
  return text;
}

function decodeOrRefuse(name: string, bytes: Buffer, markup: boolean, transportCharset: string | null): string {
  const bom = byteOrderMark(bytes);
  if (bom) return decodeStrict(name, bytes.subarray(bom.length), bom.encoding);

  const signature = binarySignature(bytes);
  if (signature) throw new InputError(name, `binary data (${signature}), not text`);
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return decodeStrict(name, bytes, utf16);
  if (bytes.includes(0)) throw new InputError(name, 'binary data (NUL bytes), not text');

  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: only a declared charset may say how to read it.
  }
  const charset = transportCharset?.toLowerCase() ?? (markup ? declaredCharset(bytes.subarray(0, 4096).toString('latin1')) : null);
  if (charset === null) throw new InputError(name, 'not valid UTF-8 and declares no other charset');
  if (charset === 'utf-8' || charset === 'utf8') throw new InputError(name, 'declares UTF-8 but is not valid UTF-8');
  return decodeLegacy(name, bytes, charset);
}

/** UTF-8 or UTF-16 without tolerance: a broken sequence refuses the input rather than inventing U+FFFD. */
function decodeStrict(name: string, bytes: Uint8Array, encoding: 'utf-8' | 'utf-16le' | 'utf-16be'): string {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new InputError(name, `not valid ${encoding.toUpperCase()}`);
  }
}

function decodeLegacy(name: string, bytes: Buffer, charset: string): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    throw new InputError(name, `declares an unknown charset "${charset}"`);
  }
  // The WHATWG labels latin1, iso-8859-1, us-ascii, … all mean windows-1252.
  if (decoder.encoding === 'windows-1252') return decodeWindows1252(bytes);
  if (decoder.encoding.startsWith('utf-16')) throw new InputError(name, `declares ${charset} but has no byte-order mark`);
  return decoder.decode(bytes);
}

// windows-1252's 0x80–0x9F; the rest is ISO-8859-1. Decoded by hand because Node 20's TextDecoder
// decodes the label as ISO-8859-1 (0x93 → U+0093 instead of “), which Node 22 has fixed.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** Decodes windows-1252 bytes ("\x93quoted\x94 caf\xe9" → “quoted” café). */
export function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes)
    .toString('latin1')
    .replace(/[\x80-\x9f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80]!));
}

function byteOrderMark(bytes: Buffer): { length: number; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { length: 3, encoding: 'utf-8' };
  // UTF-32 LE also starts FF FE; its next two bytes are 00 00, which the binary check below then refuses.
  if (bytes[0] === 0xff && bytes[1] === 0xfe && !(bytes[2] === 0 && bytes[3] === 0)) return { length: 2, encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { length: 2, encoding: 'utf-16be' };
  return null;
}

/**
 * UTF-16 without a BOM: in text that is mostly ASCII every other byte is NUL. Taken only when
 * that holds for nearly all of the first 1 KB, so binary data with scattered NULs is not decoded.
 */
function utf16WithoutBom(bytes: Buffer): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 1024) & ~1;
  if (n < 8) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul >= pairs * 0.9 && evenNul === 0) return 'utf-16le';
  if (evenNul >= pairs * 0.9 && oddNul === 0) return 'utf-16be';
  return null;
}

// File signatures of formats people mistake for articles or pass by accident.
const SIGNATURES: [string, number[] | string][] = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', 'GIF8'],
  ['a gzip archive; decompress it first', [0x1f, 0x8b]],
  ['a zip archive', [0x50, 0x4b, 0x03, 0x04]],
  ['a bzip2 archive; decompress it first', 'BZh'],
  ['an xz archive; decompress it first', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
  ['a zstd archive; decompress it first', [0x28, 0xb5, 0x2f, 0xfd]],
  ['a PDF document', '%PDF-'],
  ['an SQLite database', 'SQLite format 3\0'],
  ['an executable', [0x7f, 0x45, 0x4c, 0x46]],
];

function binarySignature(bytes: Buffer): string | null {
  for (const [what, sig] of SIGNATURES) {
    const magic = typeof sig === 'string' ? Buffer.from(sig, 'latin1') : Buffer.from(sig);
    if (bytes.length >= magic.length && bytes.subarray(0, magic.length).equals(magic)) return what;
  }
  return null;
}

/** Many C0 control characters (tab, newlines, form feed and escape aside) in the first 8K characters. */
function tooManyControls(text: string): boolean {
  const head = text.slice(0, 8192);
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 0) return true;
    if (c < 9 || (c > 13 && c < 32 && c !== 27)) control++;
  }
  return control > head.length * 0.1;
}

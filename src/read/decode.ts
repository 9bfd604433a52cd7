// Bytes to text. UTF-8 first (with or without a BOM); a page that is not valid UTF-8 is decoded
// with the charset it declares (HTML meta, XML prolog), and windows-1252 stands in for
// ISO-8859-1 as browsers do. Binary and undeclared non-UTF-8 input is refused.
import { InputError } from './input-error.ts';

const DECLARED_CHARSET = [
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

/** Decodes an input's bytes to text, or throws an InputError saying why it cannot. */
export function decodeBytes(name: string, bytes: Buffer, markup: boolean): string {
  if (bytes.length === 0) throw new InputError(name, 'empty input');
  if (looksBinary(bytes)) throw new InputError(name, 'binary data, not text');
  let text: string | null = null;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const head = bytes.subarray(0, 4096).toString('latin1');
    const charset = markup ? declaredCharset(head) : null;
    if (charset === null || charset === 'utf-8' || charset === 'utf8') {
      throw new InputError(name, charset ? 'declares UTF-8 but is not valid UTF-8' : 'not valid UTF-8 and declares no other charset');
    }
    const label = charset === 'iso-8859-1' || charset === 'latin1' || charset === 'us-ascii' ? 'windows-1252' : charset;
    try {
      text = new TextDecoder(label).decode(bytes);
    } catch {
      throw new InputError(name, `declares an unknown charset "${charset}"`);
    }
  }
  if (text.trim() === '') throw new InputError(name, 'empty input (only white space)');
  return text;
}

/** Binary: a NUL byte, or many control bytes, in the first 8 KB. UTF-16 files without a BOM land here too. */
function looksBinary(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return control > head.length * 0.1;
}

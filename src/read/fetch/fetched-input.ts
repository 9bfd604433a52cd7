// A fetched page as an input the readers take: decoded with the charset the server declared,
// read as the kind its Content-Type says (HTML, feed, JSON, text), with the first characters
// and the URL's extension deciding where the header is vague or missing.
import { decodeBytes } from '../decode.ts';
import { InputError } from '../input-error.ts';
import { detectKind, isReadableExtension, type DecodedInput, type InputKind } from '../source.ts';
import type { FetchedPage } from './safe-fetch.ts';

/** A Content-Type header's media type (lower case, no parameters) and charset parameter. */
export interface MediaType {
  type: string;
  charset: string | null;
}

/** Parses a Content-Type header ("text/html; charset=ISO-8859-1" → text/html, iso-8859-1); a missing header gives an empty type. */
export function parseContentType(header: string | null): MediaType {
  if (header === null) return { type: '', charset: null };
  const [type, ...params] = header.split(';');
  let charset: string | null = null;
  for (const param of params) {
    const m = /^\s*charset\s*=\s*"?([^";\s]+)"?\s*$/i.exec(param);
    if (m) charset = m[1]!.toLowerCase();
  }
  return { type: type!.trim().toLowerCase(), charset };
}

// Media types that are never an article: refused before decoding, with the type named.
const NOT_DOCUMENTS = /^(image|audio|video|font|model)\/|^application\/(pdf|zip|gzip|x-gzip|x-tar|x-7z-compressed|vnd\.|msword|x-msdownload|wasm)/;

/**
 * The fetched page decoded and typed, named `name` (the URL as given) in errors, with its final
 * URL as the input's `url`. Throws InputError for a media type that is no document, and for bytes
 * that are not text (empty, binary, not valid in their charset), as for files.
 */
export function decodeFetched(name: string, page: Pick<FetchedPage, 'url' | 'contentType' | 'body'>): DecodedInput {
  const media = parseContentType(page.contentType);
  if (NOT_DOCUMENTS.test(media.type)) throw new InputError(name, `not a document (Content-Type ${media.type})`);
  const bytes = Buffer.from(page.body.buffer, page.body.byteOffset, page.body.byteLength);
  const text = decodeBytes(name, bytes, true, media.charset);
  return { name, path: null, url: page.url, kind: kindOf(media.type, page.url, text), text };
}

/** The reader for a page: by media type where it is specific, else by the URL's extension and the text's first characters. */
function kindOf(type: string, url: string, text: string): InputKind {
  const path = new URL(url).pathname;
  const sniffed = detectKind({ name: url, path: null }, text);
  // A URL path with a known extension stands in for a file path (".xml" is a feed, ".json" JSON).
  const byPath = isReadableExtension(path) ? detectKind({ name: url, path }, text) : null;
  if (type === 'application/x-ndjson' || type === 'application/jsonl' || type === 'application/json-seq') return 'jsonl';
  if (type === 'application/json' || type.endsWith('+json')) return sniffed === 'jsonl' ? 'jsonl' : 'json';
  // Feeds are often served as text/html or text/plain; their root element gives them away.
  if (sniffed === 'feed') return 'feed';
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  // Other XML is read as a feed, so that a non-feed says so ("not an RSS or Atom feed (its root element is <x>)").
  if (type === 'application/xml' || type === 'text/xml' || type.endsWith('+xml')) return 'feed';
  if (type === 'text/plain') return byPath ?? 'text';
  return byPath ?? sniffed;
}

// One HTML parse for every HTML consumer (body extraction, metadata, dates): htmlparser2's
// DOM is several times faster to build than a full browser DOM and is all the readers need.
import { parseDocument } from 'htmlparser2';
import type { Document } from 'domhandler';

/** Parses a page into a lightweight DOM; malformed markup is repaired the way htmlparser2 does, never thrown on. */
export function parseHtml(html: string): Document {
  return parseDocument(html, { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true });
}

// Dispatch from a decoded input to the reader for its kind. One input may hold several
// articles (a feed, a JSONL file); each comes back as its own draft.
import type { ArticleDraft } from './draft.ts';
import type { DecodedInput } from './source.ts';
import type { InputError } from './input-error.ts';
import { readPlainText } from './text/text-reader.ts';
import { readHtml } from './html/html-reader.ts';
import { readJsonRecords } from './json/json-reader.ts';
import { readFeed } from './feed/feed-reader.ts';

/** Options every reader honours. `plain`: the input is body text only, kept exactly as decoded. */
export interface ReadOptions {
  plain?: boolean;
}

/**
 * The drafts of every article in one input. Throws InputError for input that cannot be read.
 * `problems`: where readers of many-article inputs (JSON, JSONL, feeds) put the bad records of an
 * input whose other records were read; without it, a bad record throws (see json-reader.ts).
 */
export function readDocument(input: DecodedInput, options: ReadOptions = {}, problems?: InputError[]): ArticleDraft[] {
  // A fetched page's URL is its article's URL; an input of many articles (a feed, JSON records)
  // is not one article, and each record keeps its own URL (an item's link) or none.
  const single = input.kind === 'text' || input.kind === 'html' || options.plain === true;
  const source = { path: input.path, url: single ? (input.url ?? null) : null, outlet: null };
  if (options.plain) return [readPlainText(input.text, source, { plain: true })];
  switch (input.kind) {
    case 'text':
      return [readPlainText(input.text, source)];
    case 'html':
      return [readHtml(input.text, source)];
    case 'json':
    case 'jsonl':
      return readJsonRecords(input, source, problems);
    case 'feed':
      return readFeed(input, source, problems);
  }
}

// `dossier quotes [--speaker NAME] [--since DATE] [--until DATE] [--db PATH] [--limit N] [--format text|json|jsonl]`:
// the quotes of the stored articles (latest versions), newest first by the quote's date (else
// the article's), undated last: who said it (as written, and who that is across the store), how,
// when, in which article, and the sentence that holds it. NAME is looked up as `dossier entity`
// looks it up; quotes whose speaker has no identity match when their speaker reads NAME.
import { parseArgs } from 'node:util';
import { readStore } from '../../store/open-store.ts';
import { readPages, type QuoteListOptions, type StoredQuote } from '../../store/store.ts';
import { LISTING_OPTIONS, lookUpWho, moreLine, nothingStored, oneLine, parseListingOptions, whoText, type WhoFilter } from '../stored-listings.ts';
import { UsageError, type Command } from '../cli-io.ts';
import { SHORT_ID } from './search.ts';

export const quotesCommand: Command = async (args, io) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      speaker: { type: 'string' },
      ...LISTING_OPTIONS,
    },
  });
  if (positionals.length > 0) throw new UsageError(`quotes takes no arguments, only options (got ${JSON.stringify(positionals.join(' '))}); for one speaker, use --speaker NAME`);
  const speaker = values.speaker?.trim();
  if (speaker === '') throw new UsageError('--speaker needs a name or an entity id');
  const { since, until, limit, format } = parseListingOptions(values);

  return readStore(values.db, async (store) => {
    let who: WhoFilter | null = null;
    if (speaker !== undefined) {
      who = await lookUpWho(store, speaker, io, 'quotes');
      if (who === null) return 1;
    }
    const options: QuoteListOptions = { since, until, speaker: who?.filter };
    const { items: quotes, nextCursor } = await readPages((page) => store.listQuotes({ ...options, ...page }), limit);
    if (format === 'jsonl') {
      io.out(quotes.map((q) => `${JSON.stringify(q)}\n`).join(''));
    } else if (format === 'json') {
      const filter = who === null ? null : { name: who.name, identity: who.identity };
      io.out(`${JSON.stringify({ speaker: filter, since: since ?? null, until: until ?? null, quotes, nextCursor }, null, 2)}\n`);
    } else if (quotes.length === 0) {
      io.out(nothingStored('quotes', { by: who?.identity?.name ?? speaker, since, until }));
    } else {
      io.out(quotes.map(quoteText).join('\n'));
      if (nextCursor !== null) io.out(moreLine(values.limit));
    }
    return 0;
  });
};

/** A reading view of one quote: when, who, how; what; the sentence; the article. Text is put on one line. */
function quoteText(q: StoredQuote): string {
  const when = q.date ?? (q.published === null ? 'undated' : `${q.published} (published)`);
  const who = q.speaker === null ? 'speaker unknown' : whoText(q.speaker.text, q.speaker.identity);
  const head = [when, who, q.kind, ...(q.cue ? [`cue "${oneLine(q.cue.text)}"`] : [])].join(' · ');
  const lines = [head, `  quote:    ${oneLine(q.content.text)}`];
  if (q.sentences) lines.push(`  sentence: ${oneLine(q.sentences.text)}`);
  const article = [q.outlet ?? 'outlet unknown', q.title ?? '(untitled)', q.published ?? 'undated', q.recordId.slice(0, SHORT_ID)];
  lines.push(`  article:  ${article.map(oneLine).join(' · ')}`);
  return `${lines.join('\n')}\n`;
}

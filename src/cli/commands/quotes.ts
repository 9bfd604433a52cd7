// `dossier quotes [--speaker NAME] [--since DATE] [--until DATE] [--db PATH] [--limit N] [--format text|json|jsonl]`:
// the quotes of the stored articles (latest versions), newest first by the quote's date (else
// the article's), undated last: who said it (as written, and who that is across the store), how,
// when, in which article, and the sentence that holds it. NAME is looked up as `dossier entity`
// looks it up; quotes whose speaker has no identity match when their speaker reads NAME.
import { parseArgs } from 'node:util';
import { readStore } from '../../store/open-store.ts';
import { MAX_PAGE_SIZE, type QuoteListOptions, type Store, type StoredQuote } from '../../store/store.ts';
import { parseDateOption, parseFormatOption, parseLimitOption } from '../options.ts';
import { UsageError, type CliIO, type Command } from '../cli-io.ts';
import { identityTable } from './entities.ts';
import { SHORT_ID } from './search.ts';

export const quotesCommand: Command = async (args, io) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      speaker: { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      db: { type: 'string' },
      limit: { type: 'string', default: '50' },
      format: { type: 'string', default: 'text' },
    },
  });
  if (positionals.length > 0) throw new UsageError(`quotes takes no arguments, only options (got ${JSON.stringify(positionals.join(' '))}); for one speaker, use --speaker NAME`);
  const speaker = values.speaker?.trim();
  if (speaker === '') throw new UsageError('--speaker needs a name or an entity id');
  const since = parseDateOption(values.since, '--since') ?? undefined;
  const until = parseDateOption(values.until, '--until') ?? undefined;
  const limit = parseLimitOption(values.limit);
  const format = parseFormatOption(values.format, ['text', 'json', 'jsonl'] as const);

  return readStore(values.db, async (store) => {
    const options: QuoteListOptions = { since, until };
    let identity: { id: string; name: string } | null = null;
    if (speaker !== undefined) {
      const lookup = await store.getIdentity(speaker);
      if (lookup.status === 'ambiguous') {
        io.err(`dossier quotes: ${JSON.stringify(speaker)} names ${lookup.candidates.length} entities; give one's id or full name:\n${identityTable(lookup.candidates)}`);
        return 1;
      }
      if (lookup.status === 'found') identity = { id: lookup.identity.id, name: lookup.identity.name };
      options.speaker = { identityId: identity?.id ?? null, text: speaker };
    }
    const { quotes, nextCursor } = await firstQuotes(store, options, limit);
    if (format === 'jsonl') {
      io.out(quotes.map((q) => `${JSON.stringify(q)}\n`).join(''));
    } else if (format === 'json') {
      const filter = speaker === undefined ? null : { name: speaker, identity };
      io.out(`${JSON.stringify({ speaker: filter, since: since ?? null, until: until ?? null, quotes, nextCursor }, null, 2)}\n`);
    } else {
      printText(io, quotes, nextCursor !== null, { speaker: identity?.name ?? speaker, since, until, limit: values.limit });
    }
    return 0;
  });
};

/** Up to `limit` quotes, over as many store pages as that takes (a page holds at most MAX_PAGE_SIZE), and the cursor after them. */
async function firstQuotes(store: Store, options: QuoteListOptions, limit: number): Promise<{ quotes: StoredQuote[]; nextCursor: string | null }> {
  const quotes: StoredQuote[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.listQuotes({ ...options, cursor, limit: Math.min(MAX_PAGE_SIZE, limit - quotes.length) });
    quotes.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null && quotes.length < limit);
  return { quotes, nextCursor: cursor };
}

function printText(io: CliIO, quotes: readonly StoredQuote[], more: boolean, asked: { speaker: string | undefined; since: string | undefined; until: string | undefined; limit: string }): void {
  if (quotes.length === 0) {
    const by = asked.speaker === undefined ? '' : ` by ${JSON.stringify(asked.speaker)}`;
    const from = asked.since === undefined ? '' : ` from ${asked.since}`;
    const to = asked.until === undefined ? '' : ` to ${asked.until}`;
    io.out(`no quotes stored${by}${from}${to}\n`);
    return;
  }
  io.out(quotes.map(quoteText).join('\n'));
  if (more) io.out(`… more: raise --limit (now ${asked.limit})\n`);
}

/** A reading view of one quote: when, who, how; what; the sentence; the article. Text is put on one line. */
function quoteText(q: StoredQuote): string {
  const line = (s: string) => s.replace(/\s+/g, ' ').trim();
  const when = q.date ?? (q.published === null ? 'undated' : `${q.published} (published)`);
  const who =
    q.speaker === null
      ? 'speaker unknown'
      : q.speaker.identity === null
        ? line(q.speaker.text)
        : q.speaker.identity.name === q.speaker.text
          ? q.speaker.identity.name
          : `${q.speaker.identity.name} ("${line(q.speaker.text)}")`;
  const head = [when, who, q.kind, ...(q.cue ? [`cue "${line(q.cue.text)}"`] : [])].join(' · ');
  const lines = [head, `  quote:    ${line(q.content.text)}`];
  if (q.sentences) lines.push(`  sentence: ${line(q.sentences.text)}`);
  const article = [q.outlet ?? 'outlet unknown', q.title ?? '(untitled)', q.published ?? 'undated', q.recordId.slice(0, SHORT_ID)];
  lines.push(`  article:  ${article.map(line).join(' · ')}`);
  return `${lines.join('\n')}\n`;
}

// `dossier search QUERY… [--db PATH] [--limit N] [--format text|json]`: the stored articles that
// match every word, best first, each with a snippet whose matched words are marked. The words
// of QUERY are plain words (quotes, stars, AND/OR are not syntax); several arguments are joined.
import { parseArgs } from 'node:util';
import { readStore } from '../../store/open-store.ts';
import type { SearchHit, Snippet } from '../../store/store.ts';
import { parseFormatOption, parseLimitOption } from '../options.ts';
import { UsageError, type Command } from '../cli-io.ts';

/** How many characters of an id the text output shows: enough to be unambiguous in any real store, and `show` takes it. */
export const SHORT_ID = 12;

export const searchCommand: Command = async (args, io) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      limit: { type: 'string', default: '10' },
      format: { type: 'string', default: 'text' },
    },
  });
  const query = positionals.join(' ').trim();
  if (query === '') throw new UsageError('give the words to search for: dossier search WORDS');
  const limit = parseLimitOption(values.limit);
  const format = parseFormatOption(values.format, ['text', 'json'] as const);

  const page = await readStore(values.db, (store) => store.search(query, { limit }));
  if (format === 'json') {
    const hits = page.items.map((hit) => ({ ...hit, snippet: hit.snippet.text, marks: hit.snippet.marks }));
    io.out(`${JSON.stringify({ query, hits, nextCursor: page.nextCursor }, null, 2)}\n`);
    return 0;
  }
  if (page.items.length === 0) {
    io.out(`no stored article matches ${JSON.stringify(query)}\n`);
    return 0;
  }
  const mark = io.stdoutIsTTY ? (s: string) => `\x1b[1m${s}\x1b[22m` : (s: string) => `[${s}]`;
  io.out(page.items.map((hit, i) => hitText(hit, i + 1, mark)).join('\n'));
  return 0;
};

function hitText(hit: SearchHit, rank: number, mark: (s: string) => string): string {
  const facts = [hit.outlet ?? 'outlet unknown', hit.published ?? 'undated', hit.id.slice(0, SHORT_ID)];
  if (hit.version > 1) facts.push(`version ${hit.version}`);
  return `${rank}. ${hit.title ?? '(untitled)'}\n   ${facts.join(' · ')}\n   ${marked(hit.snippet, mark)}\n`;
}

/** The snippet's text with each marked span wrapped by `mark`. */
function marked(snippet: Snippet, mark: (s: string) => string): string {
  let out = '';
  let at = 0;
  for (const { start, end } of snippet.marks) {
    out += snippet.text.slice(at, start) + mark(snippet.text.slice(start, end));
    at = end;
  }
  return out + snippet.text.slice(at);
}

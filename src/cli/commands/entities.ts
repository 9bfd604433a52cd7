// `dossier entities [--type PERSON|ORG|GPE|LOC|NORP|EVENT|OTHER] [--db PATH] [--limit N] [--format text|json]`:
// the identities of the store (one per person, organisation, place, group or event across all
// articles), most articles first, with how many articles and mentions name each.
import { parseArgs } from 'node:util';
import { readStore } from '../../store/open-store.ts';
import { isEntityType, type IdentitySummary } from '../../store/store.ts';
import { parseFormatOption, parseLimitOption } from '../options.ts';
import { UsageError, type Command } from '../cli-io.ts';

export const entitiesCommand: Command = async (args, io) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      type: { type: 'string' },
      db: { type: 'string' },
      limit: { type: 'string', default: '50' },
      format: { type: 'string', default: 'text' },
    },
  });
  if (positionals.length > 0) throw new UsageError(`entities takes no arguments, only options (got ${JSON.stringify(positionals.join(' '))}); to show one, use dossier entity NAME`);
  const type = values.type?.toUpperCase();
  if (type !== undefined && !isEntityType(type)) throw new UsageError(`--type must be PERSON, ORG, GPE, LOC, NORP, EVENT or OTHER, not ${values.type}`);
  const limit = parseLimitOption(values.limit);
  const format = parseFormatOption(values.format, ['text', 'json'] as const);

  const page = await readStore(values.db, (store) => store.listIdentities({ type, limit }));
  if (format === 'json') {
    io.out(`${JSON.stringify({ type: type ?? null, identities: page.items, nextCursor: page.nextCursor }, null, 2)}\n`);
    return 0;
  }
  if (page.items.length === 0) {
    io.out(`no ${type === undefined ? '' : `${type} `}entities stored\n`);
    return 0;
  }
  io.out(identityTable(page.items));
  if (page.nextCursor !== null) io.out(`… more: raise --limit (now ${values.limit})\n`);
  return 0;
};

/** One line per identity: articles, mentions, type, name (marked when ambiguous), id. */
export function identityTable(items: readonly IdentitySummary[]): string {
  const width = (f: (i: IdentitySummary) => string) => Math.max(...items.map((i) => f(i).length));
  const articles = (i: IdentitySummary) => `${i.articles} article${i.articles === 1 ? '' : 's'}`;
  const mentions = (i: IdentitySummary) => `${i.mentions} mention${i.mentions === 1 ? '' : 's'}`;
  const name = (i: IdentitySummary) => (i.ambiguous ? `${i.name} (ambiguous)` : i.name);
  const wa = width(articles);
  const wm = width(mentions);
  const wt = width((i) => i.type);
  const wn = width(name);
  return items.map((i) => `${articles(i).padStart(wa)}  ${mentions(i).padStart(wm)}  ${i.type.padEnd(wt)}  ${name(i).padEnd(wn)}  ${i.id}\n`).join('');
}

// `dossier show ID [--db PATH] [--format json|text]`: one stored record. ID is a record id, an
// unambiguous prefix of one (as `search` prints), or an article URL (its latest version).
// JSON (the default) is the analysis record exactly as the contract defines it; text adds what
// the store knows around it: its versions, and the stored copies and versions of it.
import { parseArgs } from 'node:util';
import { findArticleOrThrow } from '../../store/lookups.ts';
import { readStore } from '../../store/open-store.ts';
import type { ArticleMeta, DuplicateOf, StoredArticle } from '../../store/store.ts';
import { parseFormatOption } from '../options.ts';
import { UsageError, type Command } from '../cli-io.ts';

export const showCommand: Command = async (args, io) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      format: { type: 'string', default: 'json' },
    },
  });
  const [key, ...extra] = positionals;
  if (key === undefined || key.trim() === '') throw new UsageError('give the id (or a prefix of it) or the URL of a stored article');
  if (extra.length > 0) throw new UsageError(`give one id or URL, not ${positionals.length}`);
  const format = parseFormatOption(values.format, ['json', 'text'] as const);

  await readStore(values.db, async (store) => {
    const article = await findArticleOrThrow(store, key.trim());
    if (format === 'json') io.out(`${JSON.stringify(article.record, null, 2)}\n`);
    else io.out(articleText(article, await store.versionsOf(article.id), await store.duplicatesOf(article.id)));
  });
  return 0;
};

/** A reading view: facts, versions, duplicates, the text, and how much analysis it carries. */
function articleText(article: StoredArticle, versions: ArticleMeta[], duplicates: DuplicateOf[]): string {
  const r = article.record;
  const lines = [r.title?.text ?? '(untitled)', ''];
  const fact = (name: string, value: string | null | undefined) => {
    if (value) lines.push(`${`${name}:`.padEnd(11)}${value}`);
  };
  fact('id', article.id);
  fact('outlet', article.outlet);
  fact('published', article.published ? `${article.published} (${r.published.basis})` : 'unknown');
  for (const c of r.published.conflicts) fact('  but', `${c.date} (${c.basis}): ${c.why}`);
  fact('url', article.url);
  fact('path', r.source.path);
  fact('byline', r.byline.map((b) => (b.affiliation ? `${b.name} (${b.affiliation})` : b.name)).join(', '));
  fact('dateline', r.dateline?.text);
  fact('version', `${article.version} of ${versions.length}${article.latest ? '' : ' (not the latest)'}, stored ${article.ingestedAt}`);
  if (versions.length > 1) {
    for (const v of versions) lines.push(`           v${v.version} ${v.id} ${v.ingestedAt}${v.id === article.id ? '  <- this one' : ''}`);
  }
  lines.push(`duplicates: ${duplicates.length === 0 ? 'none stored' : `${duplicates.length} (dossier diff ${article.id} ID shows what changed)`}`);
  for (const d of duplicates) lines.push(`           ${duplicateLine(d)}`);
  fact(
    'analysis',
    `${r.sentences.length} sentences, ${r.entities.length} entities, ${r.quotes.length} quotes, ${r.times.length} times, ${r.figures.length} figures, ${r.events.length} events`,
  );
  lines.push('', r.text, '');
  return lines.join('\n');
}

/** One duplicate on one line: kind, similarity, outlet, date, id, and why it was judged one. */
function duplicateLine(d: DuplicateOf): string {
  return [d.kind.padEnd(7), d.similarity.toFixed(2), d.outlet ?? '(no outlet)', d.published ?? 'undated', d.id, `(${d.evidence})`].join('  ');
}

// `dossier diff ID|URL [OTHER] [--db PATH] [--format text|json]`: what changed between two stored
// records, figure changes first ("24 living hostages" -> "22 living hostages"), then paragraph by
// paragraph. With one key, that record against the version stored before it at its URL (a URL:
// its latest version against the one before); with two, the first against the second. Keys are
// read as `dossier show` reads them. The comparison is made from the two stored records.
import { parseArgs } from 'node:util';
import { compareArticles, findArticleOrThrow, previousVersion, type VersionComparison } from '../../store/lookups.ts';
import { readStore } from '../../store/open-store.ts';
import type { ArticleMeta, StoredArticle } from '../../store/store.ts';
import { parseFormatOption } from '../options.ts';
import { UsageError, type Command } from '../cli-io.ts';
import { oneLine } from '../stored-listings.ts';

/** `dossier diff`: prints the comparison of two stored records (or of one and the version before it); exit 0, or 1 when a key names no record or several. */
export const diffCommand: Command = async (args, io) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      format: { type: 'string', default: 'text' },
    },
  });
  const keys = positionals.map((key) => key.trim());
  if (keys.length === 0 || keys.length > 2 || keys.some((key) => key === '')) {
    throw new UsageError('give one id or URL (compared with the version before it), or two (the older first)');
  }
  const format = parseFormatOption(values.format, ['text', 'json'] as const);

  await readStore(values.db, async (store) => {
    const newer = await findArticleOrThrow(store, keys.at(-1)!);
    let older: StoredArticle;
    if (keys.length === 2) older = await findArticleOrThrow(store, keys[0]!);
    else {
      const previous = await previousVersion(store, newer);
      if (previous.status !== 'found') throw new Error(previous.message);
      older = previous.article;
    }
    const comparison = await compareArticles(store, older, newer);
    io.out(format === 'json' ? `${JSON.stringify(comparison, null, 2)}\n` : comparisonText(comparison));
  });
  return 0;
};

/** One line naming a record: version, id, outlet, date, URL. */
function articleLine(meta: ArticleMeta): string {
  return [`v${meta.version}`, meta.id, meta.outlet ?? '(no outlet)', meta.published ?? 'undated', meta.url ?? ''].join('  ').trimEnd();
}

/** The comparison for people: the two records, figure changes first, then paragraph changes with their texts. */
function comparisonText(c: VersionComparison): string {
  const lines = [`older: ${articleLine(c.older)}`, `newer: ${articleLine(c.newer)}`, ''];
  if (c.figures.length === 0 && c.paragraphs.length === 0) {
    lines.push('no changes: the same words, paragraph for paragraph', '');
    return lines.join('\n');
  }
  lines.push(`figure changes: ${c.figures.length}`);
  for (const { before, after } of c.figures) lines.push(`  ${before.text} -> ${after.text}${after.counts ? `  (${after.counts})` : ''}`);
  lines.push('', `paragraph changes: ${c.paragraphs.length}`);
  for (const p of c.paragraphs) {
    lines.push(`  ${p.kind}${p.kind === 'changed' && p.moved ? ' and moved' : ''}`);
    if (p.before && p.kind !== 'moved') lines.push(`    - ${oneLine(p.before.text)}`);
    if (p.after) lines.push(`    + ${oneLine(p.after.text)}`);
  }
  lines.push('');
  return lines.join('\n');
}

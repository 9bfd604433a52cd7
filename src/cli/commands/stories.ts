// `dossier stories [--db PATH] [--limit N] [--format text|json]`: the stories of the store, the
// most recently joined first: label, articles (outlets, dates) and sub-events. With --format json, a
// JSON array of stories, each { id, label, size, articles: [record ids], subEvents: [{ id, label,
// articles: [record ids] }], firstPublished, lastPublished }, the ids as in the analysis records.
//
// `dossier story ID [--db PATH] [--format text|json]`: one story (ID: a story id, or the id, id
// prefix or URL of an article in it): its timeline (events, quotes and figures in date order, planned
// events marked), people and organisations with their roles, quotes by speaker, figure series and
// their disagreements, and its sources with how many are independent.
import { parseArgs } from 'node:util';
import { readStore } from '../../store/open-store.ts';
import { findStoryView } from '../../store/lookups.ts';
import { readPages } from '../../store/store.ts';
import { storySummary, type StoryListing } from '../../store/story-rows.ts';
import type { StoryView } from '../../link/stories/story-view.ts';
import { parseFormatOption, parseLimitOption } from '../options.ts';
import { oneLine } from '../stored-listings.ts';
import { UsageError, type Command } from '../cli-io.ts';
import { SHORT_ID } from './search.ts';
import { readableDate } from '../../model/readable-date.ts';

export const storiesCommand: Command = async (args, io) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { db: { type: 'string' }, limit: { type: 'string' }, format: { type: 'string', default: 'text' } },
  });
  if (positionals.length > 0) throw new UsageError(`stories takes no arguments, only options (got ${JSON.stringify(positionals.join(' '))}); for one story, use dossier story ID`);
  const format = parseFormatOption(values.format, ['text', 'json'] as const);
  // A person reads the 50 most recent; a program asking for JSON gets them all unless it limits.
  const limit = values.limit === undefined ? (format === 'json' ? Infinity : 50) : parseLimitOption(values.limit);
  return readStore(values.db, async (store) => {
    const { items, nextCursor } = await readPages((page) => store.listStories(page), limit);
    if (format === 'json') {
      io.out(`${JSON.stringify(items.map(storySummary), null, 2)}\n`);
    } else if (items.length === 0) {
      io.out('no stories stored\n');
    } else {
      io.out(items.map(storyBlock).join('\n'));
      if (nextCursor !== null) io.out(`… more stories (--limit N)\n`);
    }
    return 0;
  });
};

export const storyCommand: Command = async (args, io) => {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { db: { type: 'string' }, format: { type: 'string', default: 'text' } } });
  if (positionals.length !== 1) throw new UsageError('story takes one ID: a story id, or the id, id prefix or URL of an article in it');
  const format = parseFormatOption(values.format, ['text', 'json'] as const);
  return readStore(values.db, async (store) => {
    const view = await findStoryView(store, positionals[0]!);
    if (view === null) {
      io.err(`dossier story: no story is named by ${JSON.stringify(positionals[0])} (a story id, or an article's id, id prefix or URL)\n`);
      return 1;
    }
    io.out(format === 'json' ? `${JSON.stringify(view, null, 2)}\n` : storyText(view));
    return 0;
  });
};

const span = (from: string | null, to: string | null) => (from === null ? 'undated' : from === to ? from : `${from} – ${to}`);

function storyBlock(s: StoryListing): string {
  const outlets = [...new Set(s.articles.map((a) => a.outlet ?? 'outlet unknown'))];
  const lines = [`${s.label}`, `  ${s.size} article${s.size === 1 ? '' : 's'} · ${outlets.join(', ')} · ${span(s.firstPublished, s.lastPublished)} · ${s.id}`];
  if (s.subEvents.length > 1) for (const e of s.subEvents) lines.push(`  - ${e.label} (${e.articles.length})`);
  return `${lines.join('\n')}\n`;
}

/** The story as a person reads it in a terminal. */
function storyText(v: StoryView): string {
  const out: string[] = [];
  const dates = v.articles.map((a) => a.published).filter((d): d is string => d !== null).sort();
  out.push(`${v.label}`, `  ${v.id} · ${span(dates[0] ?? null, dates.at(-1) ?? null)}`);
  out.push(`  sources: ${v.sources.articles} article${v.sources.articles === 1 ? '' : 's'} from ${v.sources.outlets.length} outlet${v.sources.outlets.length === 1 ? '' : 's'} (${v.sources.outlets.join(', ') || 'none named'}), ${v.sources.independent} independent`);
  out.push('', 'Timeline');
  for (const t of v.timeline) out.push(`  ${readableDate(t.date).padEnd(10)}  ${t.kind}${t.status && t.status !== 'happened' ? ` (${t.status})` : ''}  ${oneLine(t.text)}  [${t.outlet ?? 'outlet unknown'} ${t.article.slice(0, SHORT_ID)}]`);
  if (v.people.length > 0) {
    out.push('', 'People and organisations');
    for (const p of v.people) out.push(`  ${p.name} (${p.type})${p.roles.length > 0 ? `: ${p.roles.join('; ')}` : ''}`);
  }
  if (v.quotesBySpeaker.length > 0) {
    out.push('', 'Quotes by speaker');
    for (const s of v.quotesBySpeaker) {
      out.push(`  ${s.speaker}`);
      for (const q of s.quotes) out.push(`    ${readableDate(q.date)}  “${oneLine(q.text)}”  [${q.article.slice(0, SHORT_ID)}]`);
    }
  }
  if (v.series.length > 0) {
    out.push('', 'Figure series');
    for (const s of v.series) out.push(`  ${s.definition}${s.place ? ` in ${s.place}` : ''} (${s.unit}): ${s.points.map((p) => `${readableDate(p.asOf)} ${p.text}${p.claimant ? ` (${p.claimant.text})` : ''}`).join('; ')}`);
  }
  if (v.disagreements.length > 0) {
    out.push('', 'Where figures disagree');
    for (const d of v.disagreements) out.push(`  ${d.kind}: ${d.why}`);
  }
  out.push('', 'Articles');
  for (const a of v.articles) out.push(`  ${a.published ?? 'undated'}  ${a.title === null ? '(untitled)' : oneLine(a.title)}  ${a.outlet ?? 'outlet unknown'}  ${a.id.slice(0, SHORT_ID)}`);
  return `${out.join('\n')}\n`;
}

// What a person reads about one story: its timeline (events, quotes and figures in date order, each
// with the article and span it comes from; planned events marked as planned), the people and
// organisations with the roles they play, quotes by speaker, the figure series and their
// disagreements (../ledger), and its sources with how many are independent. Built from the
// story's listing and the latest records of its articles; pure.
import type { AnalysisRecord } from '../../model/record.ts';
import { buildLedger, type FigureDisagreement, type FigureSeries } from '../ledger/figure-ledger.ts';

/** One dated thing in a story's timeline, with the span `[start, end)` it comes from in article `article` (a record id). */
export interface TimelineEntry {
  /** A TIMEX value (a day, a month…) or null when undated. */
  date: string | null;
  kind: 'event' | 'quote' | 'figure';
  /** An event's status (happened, planned, denied…). */
  status?: string;
  text: string;
  article: string;
  outlet: string | null;
  start: number;
  end: number;
}

/** A quote of a story, with where it is. */
export interface StoryQuote {
  text: string;
  kind: string;
  article: string;
  start: number;
  end: number;
  date: string | null;
}

/** An article of a story. */
export interface StoryViewArticle {
  id: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
}

/** Everything the story page and `dossier story ID` show. */
export interface StoryView {
  id: string;
  label: string;
  articles: StoryViewArticle[];
  subEvents: { id: string; label: string; articleIds: string[] }[];
  timeline: TimelineEntry[];
  /** People and organisations in the story with the roles they play ("mediator", "White House press secretary"), most mentioned first. */
  people: { name: string; type: string; roles: string[]; mentions: number }[];
  quotesBySpeaker: { speaker: string; quotes: StoryQuote[] }[];
  series: FigureSeries[];
  disagreements: FigureDisagreement[];
  /** The outlets, how many articles, and how many of them are independent (copies and versions counted once). */
  sources: { outlets: string[]; articles: number; independent: number };
}

/** The story as its listing gives it (see src/store/story-rows.ts StoryListing). */
export interface StoryOutline {
  id: string;
  label: string;
  articles: StoryViewArticle[];
  subEvents: { id: string; label: string; articles: string[] }[];
}

/** Types of entities that take part in a story as actors. */
const ACTOR_TYPES = new Set(['PERSON', 'ORG', 'NORP', 'GPE']);
/** How many people and organisations the view lists. */
const MAX_PEOPLE = 40;

/** The view of a story from its outline, the latest records of its articles, and how many independent sources they are. */
export function buildStoryView(story: StoryOutline, records: readonly AnalysisRecord[], independent: number): StoryView {
  const timeline: TimelineEntry[] = [];
  const people = new Map<string, { name: string; type: string; roles: Set<string>; mentions: number }>();
  const quotes = new Map<string, StoryQuote[]>();
  for (const r of records) {
    const published = r.published.date;
    const entityOf = new Map(r.entities.map((e) => [e.id, e]));
    const nameOf = (id: string) => entityOf.get(id)?.name;
    const base = { article: r.id, outlet: r.source.outlet };
    for (const e of r.entities) {
      if (!ACTOR_TYPES.has(e.type)) continue;
      const key = `${e.type}\n${e.name}`;
      const person = people.get(key) ?? { name: e.name, type: e.type, roles: new Set<string>(), mentions: 0 };
      for (const t of e.titles) person.roles.add(t);
      person.mentions += e.mentions.length;
      people.set(key, person);
    }
    for (const ev of r.events) {
      const who = ev.participants.map((p) => `${nameOf(p.entity) ?? p.entity} (${p.role})`).join(', ');
      timeline.push({ ...base, date: ev.time ?? published, kind: 'event', status: ev.status, text: `${ev.type.toLowerCase().replace('_', ' ')}: ${ev.trigger.text}${who ? ` — ${who}` : ''}`, start: ev.trigger.start, end: ev.trigger.end });
      for (const p of ev.participants) {
        const entity = entityOf.get(p.entity);
        if (entity && ACTOR_TYPES.has(entity.type)) people.get(`${entity.type}\n${entity.name}`)?.roles.add(`${p.role} in ${ev.type.toLowerCase().replace('_', ' ')}`);
      }
    }
    for (const q of r.quotes) {
      const speaker = q.speaker === null ? null : ((q.speaker.entity && nameOf(q.speaker.entity)) ?? q.speaker.text);
      timeline.push({ ...base, date: q.date ?? published, kind: 'quote', text: `${speaker ?? 'unattributed'}: “${q.text}”`, start: q.start, end: q.end });
      if (speaker !== null) quotes.set(speaker, [...(quotes.get(speaker) ?? []), { text: q.text, kind: q.kind, article: r.id, start: q.start, end: q.end, date: q.date ?? published }]);
    }
    for (const f of r.figures) {
      const claimant = f.claimant === null ? null : ((f.claimant.entity && nameOf(f.claimant.entity)) ?? f.claimant.text);
      timeline.push({ ...base, date: f.asOf ?? published, kind: 'figure', text: `${f.text}${claimant ? ` (${claimant})` : ''}`, start: f.start, end: f.end });
    }
  }
  timeline.sort(byDate);
  const ledger = buildLedger(records);
  const outlets = [...new Set(records.map((r) => r.source.outlet).filter((o): o is string => o !== null))].sort();
  return {
    id: story.id,
    label: story.label,
    articles: story.articles,
    subEvents: story.subEvents.map((s) => ({ id: s.id, label: s.label, articleIds: s.articles })),
    timeline,
    people: [...people.values()]
      .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name))
      .slice(0, MAX_PEOPLE)
      .map((p) => ({ name: p.name, type: p.type, roles: [...p.roles].sort(), mentions: p.mentions })),
    quotesBySpeaker: [...quotes].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])).map(([speaker, qs]) => ({ speaker, quotes: qs.sort(byDate) })),
    series: ledger.series,
    disagreements: ledger.disagreements,
    sources: { outlets, articles: records.length, independent },
  };
}

/** Dated first, in date order (a month before its days' successors by string order), undated last; then by article and offset. */
function byDate<T extends { date: string | null; article: string; start: number }>(a: T, b: T): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  }
  return a.article.localeCompare(b.article) || a.start - b.start;
}

// What the backends share about entity identities beyond SQL: the rows their queries give and
// their conversion to the contract's types, the writes a link plan makes (identities to found or
// update, keys, links, titles, relations), how a name or id is looked up (the order of the key
// steps), how an identity's detail is put together from its rows, and the listing's cursor.
// Each backend supplies the reads (IdentityReads) and applies the writes in its own SQL.
import { normalizeTitle, type CandidateIdentity, type IdentityRelation, type LinkEvidence, type LinkPlan } from '../link/entities/entity-linker.ts';
import { initialsOf, key, normalizeName, parsePersonName } from '../link/entities/name-keys.ts';
import type { EntityType } from '../model/layers.ts';
import type { AnalysisRecord } from '../model/record.ts';
import type { TextSpan } from '../model/span.ts';
import {
  BadCursorError,
  type IdentityAppearance,
  type IdentityDetail,
  type IdentityLookup,
  type IdentitySummary,
  type IdentityTitle,
  type RelatedIdentity,
} from './store.ts';

/** An identities row as the backends select it (`ambiguous` as 0 or 1). */
export interface IdentityRow {
  id: string;
  type: EntityType;
  name: string;
  ambiguous: number;
  articles: number;
  mentions: number;
}

/** An identity found by one of its keys: one row per (key, identity). */
export interface CandidateRow {
  key: string;
  id: string;
  type: EntityType;
  name: string;
  ambiguous: number;
}

/** One entity link of an identity with its record's facts, as `appearances` reads them. */
export interface AppearanceRow {
  record_id: string;
  entity_id: string;
  name: string;
  evidence: LinkEvidence;
  note: string | null;
  /** JSON [{start, end, text}]. */
  mentions: string;
  article_id: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
}

/** One title a record states for an identity. */
export interface TitleRow {
  title_key: string;
  title: string;
  record_id: string;
  published: string | null;
}

/** An identity related to another, and which way: 'out' (this one is the demonym of it) or 'in'. */
export interface RelatedRow extends IdentityRow {
  relation: string;
  direction: 'out' | 'in';
}

/** What a backend reads to look an identity up and put its detail together; each may answer at once or later. */
export interface IdentityReads {
  /** The identity with this id, whatever its article count. */
  byId(id: string): IdentityRow | undefined | Promise<IdentityRow | undefined>;
  /** The identities mentioned somewhere (articles > 0) with any of `keys`, each once, most articles first (then mentions, then id). */
  byKeys(keys: readonly string[]): IdentityRow[] | Promise<IdentityRow[]>;
  /** Its links, by the record's publication date (undated last), then storage order, then entity id. */
  appearances(id: string): AppearanceRow[] | Promise<AppearanceRow[]>;
  /** Its titles, by publication date (undated last), then storage order. */
  titles(id: string): TitleRow[] | Promise<TitleRow[]>;
  /** Identities related to it either way, most articles first, then id. */
  related(id: string): RelatedRow[] | Promise<RelatedRow[]>;
  /** Its keys, in key order. */
  keysOf(id: string): string[] | Promise<string[]>;
}

/** Rows of (identity, key) as the linker's candidates, one per identity with the keys it was found by. */
export function candidatesOf(rows: readonly CandidateRow[]): CandidateIdentity[] {
  const out = new Map<string, CandidateIdentity & { keys: string[] }>();
  for (const row of rows) {
    const c = out.get(row.id);
    if (c) c.keys.push(row.key);
    else out.set(row.id, { id: row.id, type: row.type, name: row.name, ambiguous: row.ambiguous === 1, keys: [row.key] });
  }
  return [...out.values()];
}

/** A row as the contract's summary. */
export function identitySummary(row: IdentityRow): IdentitySummary {
  return { id: row.id, type: row.type, name: row.name, ambiguous: row.ambiguous === 1, articles: row.articles, mentions: row.mentions };
}

/** Where a page of `listIdentities` ends: its last identity's counts and id. */
export interface IdentityCursor {
  articles: number;
  mentions: number;
  id: string;
}

/** `k<articles>.<mentions>.<id>`: the cursor after this identity in listing order. */
export function identityCursor(last: IdentitySummary): string {
  return `k${last.articles}.${last.mentions}.${last.id}`;
}

/** The position an identity listing cursor stands for; null without a cursor. Throws BadCursorError. */
export function decodeIdentityCursor(cursor: string | null | undefined): IdentityCursor | null {
  if (cursor === undefined || cursor === null) return null;
  const m = /^k(\d{1,15})\.(\d{1,15})\.([0-9a-f]{16})$/.exec(cursor);
  if (!m) throw new BadCursorError(cursor);
  return { articles: Number(m[1]), mentions: Number(m[2]), id: m[3]! };
}

/** What applying a link plan writes, merged per identity so that each row is written once. */
export interface LinkWrites {
  /** Identities to found, with their final name and their counts from this record. */
  created: { id: string; type: EntityType; name: string; ambiguous: boolean; articles: number; mentions: number }[];
  /** Stored identities this record links or renames: the new name (null: keep it) and the counts to add. */
  updated: { id: string; name: string | null; articles: number; mentions: number }[];
  keys: { identityId: string; key: string }[];
  links: { entityId: string; identityId: string; evidence: LinkEvidence; note: string | null; name: string; mentions: string; mentionCount: number }[];
  titles: { identityId: string; titleKey: string; title: string }[];
  related: IdentityRelation[];
}

/** The writes of `plan`, the link plan of `record`: each linked identity counts the record once and every mention of its entities. */
export function linkWrites(plan: LinkPlan): LinkWrites {
  const counts = new Map<string, { articles: number; mentions: number }>();
  const links = plan.links.map((link) => {
    const mentions = link.mentions.map(({ start, end, text }) => ({ start, end, text }));
    const c = counts.get(link.identityId) ?? { articles: 1, mentions: 0 };
    c.mentions += mentions.length;
    counts.set(link.identityId, c);
    return { entityId: link.entityId, identityId: link.identityId, evidence: link.evidence, note: link.note, name: link.name, mentions: JSON.stringify(mentions), mentionCount: mentions.length };
  });
  const names = new Map(plan.renamed.map((r) => [r.identityId, r.name]));
  const created = plan.created.map((c) => ({ ...c, name: names.get(c.id) ?? c.name, ...(counts.get(c.id) ?? { articles: 0, mentions: 0 }) }));
  const fresh = new Set(created.map((c) => c.id));
  const updated = [...new Set([...counts.keys(), ...names.keys()])]
    .filter((id) => !fresh.has(id))
    .map((id) => ({ id, name: names.get(id) ?? null, ...(counts.get(id) ?? { articles: 0, mentions: 0 }) }));
  return {
    created,
    updated,
    keys: plan.keys,
    links,
    titles: plan.titles.map((t) => ({ identityId: t.identityId, titleKey: normalizeTitle(t.title), title: t.title })),
    related: plan.related,
  };
}

/**
 * The identity with this exact id; else the one whose name or alias is `idOrName` once
 * normalised; else the person with this surname, or the organisation with these initials
 * (Store.getIdentity). The first step that finds any decides; several -> the candidates.
 */
export async function lookupIdentity(idOrName: string, reads: IdentityReads): Promise<IdentityLookup> {
  const query = idOrName.trim();
  const exact = (await reads.byId(query)) ?? (await reads.byId(query.toLowerCase()));
  if (exact && exact.articles > 0) return { status: 'found', identity: await identityDetail(exact, reads) };
  const norm = normalizeName(query);
  if (norm === '') return { status: 'unknown' };
  const person = parsePersonName(query);
  const initials = initialsOf(query);
  // Names and aliases first; then a surname; then initials.
  const steps: string[][] = [
    [key('n', norm), key('x', norm), ...(person && person.given.length > 0 ? [key('n', person.full)] : [])],
    [key('s', norm), ...(person && person.given.length === 0 ? [key('s', person.surname)] : [])],
    [key('i', norm), key('a', norm), ...(initials ? [key('a', initials)] : [])],
  ];
  for (const keys of steps) {
    const rows = await reads.byKeys(keys);
    if (rows.length === 1) return { status: 'found', identity: await identityDetail(rows[0]!, reads) };
    if (rows.length > 1) return { status: 'ambiguous', candidates: rows.map(identitySummary) };
  }
  return { status: 'unknown' };
}

/** Everything the store knows about one identity, from its rows. */
async function identityDetail(row: IdentityRow, reads: IdentityReads): Promise<IdentityDetail> {
  const appearances: IdentityAppearance[] = [];
  const forms = new Map<string, string>([[row.type === 'PERSON' ? (parsePersonName(row.name)?.full ?? '') : normalizeName(row.name), row.name]]);
  const addForm = (form: string) => {
    const k = normalizeName(form);
    if (k !== '' && !forms.has(k)) forms.set(k, form.trim());
  };
  for (const r of await reads.appearances(row.id)) {
    const mentions = JSON.parse(r.mentions) as TextSpan[];
    addForm(r.name);
    for (const m of mentions) addForm(m.text);
    let a = appearances.at(-1);
    if (!a || a.id !== r.record_id) {
      a = { id: r.record_id, articleId: r.article_id, title: r.title, outlet: r.outlet, published: r.published, links: [], mentions: [] };
      appearances.push(a);
    }
    a.links.push({ entityId: r.entity_id, name: r.name, evidence: r.evidence, note: r.note });
    a.mentions.push(...mentions);
  }
  for (const a of appearances) a.mentions.sort((x, y) => x.start - y.start || x.end - y.end);
  const titles = new Map<string, IdentityTitle>();
  for (const t of await reads.titles(row.id)) {
    let title = titles.get(t.title_key);
    if (!title) titles.set(t.title_key, (title = { title: t.title, firstDate: null, lastDate: null, articles: [] }));
    title.articles.push({ id: t.record_id, date: t.published });
    if (t.published !== null) {
      if (title.firstDate === null || t.published < title.firstDate) title.firstDate = t.published;
      if (title.lastDate === null || t.published > title.lastDate) title.lastDate = t.published;
    }
  }
  const related: RelatedIdentity[] = (await reads.related(row.id)).map((r) => ({
    ...identitySummary(r),
    relation: r.direction === 'out' ? 'demonym of' : 'has demonym',
  }));
  let candidates: IdentitySummary[] = [];
  if (row.ambiguous === 1) {
    const surnames = (await reads.keysOf(row.id)).filter((k) => k.startsWith('x:')).map((k) => key('s', k.slice(2)));
    candidates = (await reads.byKeys(surnames)).filter((c) => c.type === 'PERSON' && c.ambiguous === 0).map(identitySummary);
  }
  const aliases = [...forms.values()].slice(1);
  return { ...identitySummary(row), aliases, related, titles: [...titles.values()], appearances, candidates };
}

/** A record's entity links in the record's entity order (the order its `entities` layer gives). */
export function inEntityOrder<T extends { entity_id: string }>(rows: readonly T[], record: Pick<AnalysisRecord, 'entities'>): T[] {
  const order = new Map(record.entities.map((e, i) => [e.id, i]));
  return [...rows].sort((a, b) => (order.get(a.entity_id) ?? 0) - (order.get(b.entity_id) ?? 0));
}

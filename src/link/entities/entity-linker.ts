// The entity linker: one identity per person, organisation, place, group or event across the
// whole store. Pure: given one record's entities and the identities the store found for their
// keys, it returns a LinkPlan that the store applies in the transaction that stores the record.
// No I/O, no clock, no randomness: the same record and candidates always give the same plan (new
// identity ids are hashes). The store answers two rounds of key lookups (RecordLinker):
//   1. name keys: every identity with one of them (names, aliases, given name + surname, acronyms);
//   2. surname keys, only for the people round 1 did not settle, and at most SURNAME_CANDIDATES
//      identities per key, since the rules ask only whether exactly one person has a surname.
// So an article costs a few indexed lookups per entity, however many articles and people sharing
// a surname the store holds.
//
// Rules (each decision records its evidence):
//   PERSON with a given name ("Steve Witkoff", "special envoy Steve Witkoff"):
//     1. a person identity that has this full name as a name or alias   -> "exact name" / "alias"
//     2. else exactly one person with the same first given name (or an initial that fits it:
//        "S. Witkoff" ~ "Steve Witkoff") and surname                 -> "given name and surname"
//     3. else, when the only person with this surname is known by the surname alone ("Witkoff")
//        -> "surname of unique person" (and the identity takes the full name)
//     4. else a new identity. A different first given name is a contradiction: "Hunter Biden"
//        never joins "Joe Biden", whatever else matches.
//   A PERSON whose name is no one person's name ("Clinton and Trump", a tagger's slip) is matched
//   by its exact name only, like a place.
//   PERSON by surname only ("Witkoff", "special envoy Witkoff"):
//     - exactly one person identity has this surname            -> "surname of unique person"
//     - none                                                     -> a new, surname-only identity
//     - several ("Biden" with Joe Biden and Hunter Biden stored) -> the identity that stands for
//       this ambiguous surname ("ambiguous surname"), made on first need and marked `ambiguous`;
//       it is never a candidate for a named person, so it merges nobody.
//   ORG: a name or alias of an organisation identity ("exact name" / "alias"); else an acronym
//     that is the initials of exactly one organisation's long name, either way round
//     ("ICC", "the ICC" <-> "International Criminal Court": "acronym"); else new.
//   GPE, LOC, NORP, EVENT, OTHER: the exact normalised name or an alias, same type; else new.
//   Types never mix: "Israel" (GPE) and "Israeli" (NORP) are two identities; a NORP that is the
//   demonym of a GPE (demonyms.json) gets a "demonym of" relation to it, both found either way round.
// Matching ignores case, diacritics, dots, a leading "the" and a possessive "'s" (name-keys.ts).
// Linking is incremental: a decision is taken once, with the identities stored at the time, and
// not revisited when later articles arrive ("Biden" linked to the only Biden of its day stays so).
import { createHash } from 'node:crypto';
import type { EntityType } from '../../model/layers.ts';
import type { AnalysisRecord } from '../../model/record.ts';
import type { TextSpan } from '../../model/span.ts';
import { viewEntity, type EntityView } from './entity-views.ts';
import { isAcronymForm, key, normalizeName, parsePersonName } from './name-keys.ts';

/** Why an entity was linked to its identity. */
export type LinkEvidence =
  | 'new identity'
  | 'exact name'
  | 'alias'
  | 'given name and surname'
  | 'surname of unique person'
  | 'acronym'
  | 'ambiguous surname';

/** How two identities are related: `identityId` (a NORP) is the demonym of `relatedId` (a GPE). */
export type IdentityRelationKind = 'demonym of';

/** A stored identity the store found for some of a record's keys, with the keys it was found by (at least). */
export interface CandidateIdentity {
  id: string;
  type: EntityType;
  name: string;
  /** True for an identity that stands for a surname several people share. */
  ambiguous: boolean;
  keys: readonly string[];
}

/** How many identities per surname key round 2 needs: enough to tell one person from several. */
export const SURNAME_CANDIDATES = 2;

/** A synchronous key lookup: the identities having any of `keys`; with `perKey`, at most that many per key. */
export type CandidateLookup = (keys: readonly string[], perKey: number | null) => readonly CandidateIdentity[];

/** An identity the plan founds. */
export interface NewIdentity {
  id: string;
  type: EntityType;
  name: string;
  ambiguous: boolean;
}

/** One entity of the record and the identity it belongs to. */
export interface EntityLinkDecision {
  entityId: string;
  identityId: string;
  evidence: LinkEvidence;
  /** What else was considered, when it matters ("2 people have this surname: Joe Biden, Hunter Biden"); else null. */
  note: string | null;
  /** The entity's name and mentions in this article. */
  name: string;
  mentions: TextSpan[];
}

/** A relation between two identities. */
export interface IdentityRelation {
  identityId: string;
  relatedId: string;
  relation: IdentityRelationKind;
}

/** What storing one record changes among the identities; the store applies it in one transaction. */
export interface LinkPlan {
  created: NewIdentity[];
  /** Identities that take a fuller name ("Witkoff" -> "Steve Witkoff", "ICC" -> "International Criminal Court"). */
  renamed: { identityId: string; name: string }[];
  /** Keys to add to identities (already present keys may be listed again; adding is idempotent). */
  keys: { identityId: string; key: string }[];
  links: EntityLinkDecision[];
  /** Titles stated for an identity in this record, each once per identity (case-insensitive). */
  titles: { identityId: string; title: string }[];
  /** Relations to record (possibly already stored; recording is idempotent). */
  related: IdentityRelation[];
}

/**
 * Links one record in two rounds of lookups (see the head of this file). For a store whose
 * lookups are asynchronous:
 *   const linker = new RecordLinker(record);
 *   linker.addCandidates(await lookup(linker.nameKeys(), null));
 *   const more = linker.surnameKeys();
 *   if (more.length > 0) linker.addCandidates(await lookup(more, SURNAME_CANDIDATES));
 *   const plan = linker.plan();
 */
export class RecordLinker {
  private readonly views: EntityView[];
  private readonly set = new WorkingSet();

  constructor(private readonly record: Pick<AnalysisRecord, 'id' | 'entities'>) {
    this.views = record.entities.map(viewEntity).filter((v): v is EntityView => v !== null);
  }

  /** Round 1: every identity having one of these keys is needed. [] when the record has nothing to link. */
  nameKeys(): string[] {
    const keys = new Set<string>();
    for (const view of this.views) {
      for (const k of view.lookups) keys.add(k);
      for (const k of view.relatedLookups) keys.add(k);
    }
    return [...keys];
  }

  /** Round 2, after round 1's candidates are added: surname keys of the people no name decided; SURNAME_CANDIDATES identities per key are enough. */
  surnameKeys(): string[] {
    const keys = new Set<string>();
    const isPerson = (c: WorkIdentity) => c.type === 'PERSON' && !c.ambiguous;
    for (const view of this.views) {
      if (view.person === null || view.surnameLookups.length === 0) continue;
      if (view.person.given.length > 0 && this.set.find(view.lookups, isPerson).length > 0) continue;
      for (const k of view.surnameLookups) keys.add(k);
    }
    return [...keys];
  }

  addCandidates(candidates: readonly CandidateIdentity[]): void {
    for (const c of candidates) this.set.add(c);
  }

  /** The plan, from the candidates added so far. */
  plan(): LinkPlan {
    return planLinks(this.record, this.views, this.set);
  }
}

/** Both rounds against a synchronous lookup. */
export function linkRecord(record: Pick<AnalysisRecord, 'id' | 'entities'>, lookup: CandidateLookup): LinkPlan {
  const linker = new RecordLinker(record);
  const names = linker.nameKeys();
  if (names.length === 0) return linker.plan();
  linker.addCandidates(lookup(names, null));
  const surnames = linker.surnameKeys();
  if (surnames.length > 0) linker.addCandidates(lookup(surnames, SURNAME_CANDIDATES));
  return linker.plan();
}

/** The id of an identity founded by entity `entityId` of record `recordId`: stable, and unique since an entity founds at most one. */
export function identityIdFor(recordId: string, entityId: string): string {
  return createHash('sha256').update(`identity\n${recordId}\n${entityId}`, 'utf8').digest('hex').slice(0, 16);
}

function planLinks(record: Pick<AnalysisRecord, 'id' | 'entities'>, views: readonly EntityView[], set: WorkingSet): LinkPlan {
  const plan: LinkPlan = { created: [], renamed: [], keys: [], links: [], titles: [], related: [] };
  // Full names before bare surnames: a bare "Biden" must see the Joe and Hunter of its own article.
  const rank = (v: EntityView) => (v.person !== null && v.person.given.length === 0 ? 1 : 0);
  const ordered = views.map((v, i) => ({ v, i })).sort((a, b) => rank(a.v) - rank(b.v) || a.i - b.i);
  const linked: { view: EntityView; identityId: string }[] = [];
  const titlesSeen = new Set<string>();
  for (const { v: view } of ordered) {
    const decision = decide(view, set);
    let identityId: string;
    if (decision.join) {
      identityId = decision.join.id;
      if (decision.rename) {
        set.rename(identityId, decision.rename);
        plan.renamed.push({ identityId, name: decision.rename });
      }
    } else {
      identityId = identityIdFor(record.id, view.entity.id);
      const created: NewIdentity = { id: identityId, type: view.type, name: decision.newName ?? view.displayName, ambiguous: decision.ambiguous };
      set.add({ ...created, keys: [] });
      plan.created.push(created);
    }
    // An identity standing for an ambiguous surname keeps that surname only, never a person's keys.
    for (const k of decision.evidence === 'ambiguous surname' ? [key('x', view.person!.surname)] : view.keeps) {
      if (set.addKey(identityId, k)) plan.keys.push({ identityId, key: k });
    }
    plan.links.push({
      entityId: view.entity.id,
      identityId,
      evidence: decision.evidence,
      note: decision.note,
      name: view.entity.name,
      mentions: view.entity.mentions,
    });
    for (const title of view.entity.titles) {
      const t = title.trim();
      const seen = `${identityId}\n${normalizeTitle(t)}`;
      if (t === '' || titlesSeen.has(seen)) continue;
      titlesSeen.add(seen);
      plan.titles.push({ identityId, title: t });
    }
    linked.push({ view, identityId });
  }
  plan.related = relations(linked, set);
  // Links in the record's entity order, whatever order they were decided in.
  const order = new Map(record.entities.map((e, i) => [e.id, i]));
  plan.links.sort((a, b) => order.get(a.entityId)! - order.get(b.entityId)!);
  return plan;
}

/** The case- and space-insensitive form titles are compared in. */
export function normalizeTitle(title: string): string {
  return title.toLowerCase().replace(/\s+/g, ' ').trim();
}

interface Decision {
  join: WorkIdentity | null;
  evidence: LinkEvidence;
  note: string | null;
  /** A fuller name for the joined identity. */
  rename: string | null;
  /** For a new identity: its name, when not the entity's display name. */
  newName: string | null;
  ambiguous: boolean;
}

const found = (join: WorkIdentity, evidence: LinkEvidence, rename: string | null = null, note: string | null = null): Decision => ({
  join,
  evidence,
  note,
  rename,
  newName: null,
  ambiguous: false,
});
const founded = (note: string | null = null): Decision => ({ join: null, evidence: 'new identity', note, rename: null, newName: null, ambiguous: false });

function decide(view: EntityView, set: WorkingSet): Decision {
  if (view.person !== null) return view.person.given.length > 0 ? decideFullName(view, set) : decideSurname(view, set);
  const byName = byNameForms(view, set);
  if (byName) return byName;
  if (view.type !== 'ORG') return founded();
  // An acronym, either way round: "ICC" is the initials of a long name, or a long name spells out "ICC".
  const viaAcronym = set.find(
    view.lookups.filter((k) => k.startsWith('i:') || k.startsWith('a:')),
    (c) => c.type === 'ORG' && !c.ambiguous,
  );
  if (viaAcronym.length === 1) {
    const identity = viaAcronym[0]!;
    return found(identity, 'acronym', fullerOrgName(identity.name, view.displays));
  }
  if (viaAcronym.length > 1) return founded(`the acronym fits ${listNames(viaAcronym)}`);
  return founded();
}

/** The identity of the same type with one of the entity's name forms, preferring the entity's own name. */
function byNameForms(view: EntityView, set: WorkingSet): Decision | null {
  const sameType = (c: WorkIdentity) => c.type === view.type && !c.ambiguous;
  const own = set.find([key('n', view.nameKey)], sameType);
  const any = own.length > 0 ? own : set.find(view.forms.map((f) => key('n', f)), sameType);
  if (any.length === 0) return null;
  // Several identities share a form only when an earlier ambiguity founded a second one; prefer the one named so.
  const named = any.filter((c) => identityNameKey(c) === view.nameKey);
  const identity = (named.length > 0 ? named : any)[0]!;
  const note = any.length > 1 ? `${any.length} identities have this name: ${listNames(any)}` : null;
  const evidence: LinkEvidence = identityNameKey(identity) === view.nameKey ? 'exact name' : 'alias';
  const rename = view.type === 'ORG' ? fullerOrgName(identity.name, view.displays) : view.type === 'PERSON' ? fullerPersonName(identity.name, view) : null;
  return found(identity, evidence, rename, note);
}

function decideFullName(view: EntityView, set: WorkingSet): Decision {
  const byName = byNameForms(view, set);
  if (byName) return byName;
  const isPerson = (c: WorkIdentity) => c.type === 'PERSON' && !c.ambiguous;
  // Same first given name (or its initial) and surname: the "g:" keys.
  const sameGiven = set.find(
    view.lookups.filter((k) => k.startsWith('g:')),
    isPerson,
  );
  if (sameGiven.length === 1) return found(sameGiven[0]!, 'given name and surname', fullerPersonName(sameGiven[0]!.name, view));
  if (sameGiven.length > 1) return founded(`several people could be meant: ${listNames(sameGiven)}`);
  const people = set.find(view.surnameLookups, isPerson);
  if (people.length === 0) return founded();
  // The only person with this surname, known by the surname alone: nothing contradicts the first name.
  const only = people.length === 1 ? people[0]! : null;
  if (only && (parsePersonName(only.name)?.given.length ?? 0) === 0) {
    return found(only, 'surname of unique person', fullerPersonName(only.name, view));
  }
  return founded(`a different person has this surname: ${listNames(people)}`);
}

function decideSurname(view: EntityView, set: WorkingSet): Decision {
  const person = view.person!;
  const people = set.find(view.surnameLookups, (c) => c.type === 'PERSON' && !c.ambiguous);
  if (people.length === 1) return found(people[0]!, 'surname of unique person');
  if (people.length === 0) return founded();
  const note = `several people have this surname: ${listNames(people)}`;
  const standIn = set.find([key('x', person.surname)], (c) => c.type === 'PERSON' && c.ambiguous);
  if (standIn.length > 0) return found(standIn[0]!, 'ambiguous surname', null, note);
  return { join: null, evidence: 'ambiguous surname', note, rename: null, newName: view.displayName, ambiguous: true };
}

/** The entity's fuller name for a person identity known by fewer name parts, else null. */
function fullerPersonName(current: string, view: EntityView): string | null {
  const now = parsePersonName(current);
  const tokens = (s: string) => s.split(' ').length;
  return !now || tokens(view.person!.full) > tokens(now.full) ? view.displayName : null;
}

/** A spelt-out name for an organisation identity known by an acronym or one word, else null. */
function fullerOrgName(current: string, displays: readonly string[]): string | null {
  // Only an acronym gives way: "Hamas" stays "Hamas" even where an article spells out its name.
  if (!isAcronymForm(current)) return null;
  const long = displays.find((d) => normalizeName(d).includes(' ') && !isAcronymForm(d));
  return long === undefined ? null : long.replace(/^the\s+/i, '').replace(/['’]s$/, '');
}

function identityNameKey(identity: WorkIdentity): string {
  return identity.type === 'PERSON' ? (parsePersonName(identity.name)?.full ?? normalizeName(identity.name)) : normalizeName(identity.name);
}

function listNames(identities: readonly WorkIdentity[]): string {
  return identities.map((c) => c.name).join(', ');
}

/** "demonym of" relations between the NORP and GPE identities this record linked and those stored. */
function relations(linked: { view: EntityView; identityId: string }[], set: WorkingSet): IdentityRelation[] {
  const out = new Map<string, IdentityRelation>();
  for (const { view, identityId } of linked) {
    if (view.type !== 'NORP' && view.type !== 'GPE') continue;
    const other = view.type === 'NORP' ? 'GPE' : 'NORP';
    for (const related of set.find(view.relatedLookups, (c) => c.type === other)) {
      const r: IdentityRelation =
        view.type === 'NORP'
          ? { identityId, relatedId: related.id, relation: 'demonym of' }
          : { identityId: related.id, relatedId: identityId, relation: 'demonym of' };
      out.set(`${r.identityId}\n${r.relatedId}`, r);
    }
  }
  return [...out.values()];
}

interface WorkIdentity extends NewIdentity {
  keys: Set<string>;
}

/** The candidates and the identities founded so far for this record, indexed by key. */
class WorkingSet {
  private readonly byId = new Map<string, WorkIdentity>();
  private readonly byKey = new Map<string, Set<string>>();

  /** Adds an identity, or the keys it was found by to one already here. */
  add(c: CandidateIdentity): void {
    if (!this.byId.has(c.id)) this.byId.set(c.id, { id: c.id, type: c.type, name: c.name, ambiguous: c.ambiguous, keys: new Set() });
    for (const k of c.keys) this.addKey(c.id, k);
  }

  /** The identities with any of `keys` that pass `filter`, each once, in id order (deterministic). */
  find(keys: readonly string[], filter: (c: WorkIdentity) => boolean): WorkIdentity[] {
    const ids = new Set<string>();
    for (const k of keys) for (const id of this.byKey.get(k) ?? []) ids.add(id);
    const out: WorkIdentity[] = [];
    for (const id of [...ids].sort()) {
      const identity = this.byId.get(id)!;
      if (filter(identity)) out.push(identity);
    }
    return out;
  }

  rename(id: string, name: string): void {
    this.byId.get(id)!.name = name;
  }

  /** Adds a key; false when the identity is known to have it already. */
  addKey(id: string, k: string): boolean {
    const identity = this.byId.get(id)!;
    if (identity.keys.has(k)) return false;
    identity.keys.add(k);
    let ids = this.byKey.get(k);
    if (!ids) this.byKey.set(k, (ids = new Set()));
    ids.add(id);
    return true;
  }
}

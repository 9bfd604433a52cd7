// What the linker knows about one entity of one article before it looks at any identity: its
// name forms (name and mention texts, normalised), the keys it looks candidates up by and the
// keys an identity it joins or founds keeps. One function computes both, so that what the store
// fetches (candidateKeys) and what the linker asks for (entity-linker.ts) cannot drift apart.
import type { Entity, EntityType } from '../../model/layers.ts';
import { placesOfDemonym, demonymsOfPlace } from './demonyms.ts';
import { initialsOf, key, normalizeName, parsePersonName, personDisplayName, type PersonName } from './name-keys.ts';

/** One entity as the linker sees it. */
export interface EntityView {
  entity: Entity;
  type: EntityType;
  /** The entity's own name, normalised (for PERSON: without honorifics and titles). */
  nameKey: string;
  /** Normalised name forms, the entity's name first, each once. */
  forms: string[];
  /** Display forms in the article's spelling, parallel to `forms`. */
  displays: string[];
  /** PERSON only: the fullest name form taken apart (most tokens; the entity's name on a tie). */
  person: PersonName | null;
  /** The name an identity founded by this entity gets. */
  displayName: string;
  /** Keys to look candidates up by: every identity with one of them is needed. */
  lookups: string[];
  /** Surname keys ("s:"), looked up only when the name keys decide nothing; at most two identities per key are needed. */
  surnameLookups: string[];
  /** Keys an identity this entity founds or joins keeps (not for an ambiguous surname). */
  keeps: string[];
  /** Keys of related identities to look up: GPE names for a NORP, NORP demonyms for a GPE. */
  relatedLookups: string[];
}

/** The view of an entity, or null when nothing of its name is left to match (empty, punctuation only). */
export function viewEntity(entity: Entity): EntityView | null {
  const rawForms = [entity.name, ...entity.mentions.map((m) => m.text)];
  const forms: string[] = [];
  const displays: string[] = [];
  const add = (form: string, display: string) => {
    if (form !== '' && !forms.includes(form)) {
      forms.push(form);
      displays.push(display);
    }
  };
  if (entity.type === 'PERSON') {
    const person = viewPerson(entity, rawForms);
    // A "person" that is no one person's name ("Clinton and Trump") is matched by its exact name only.
    if (person !== undefined) return person;
  }
  for (const raw of rawForms) add(normalizeName(raw), raw.trim());
  const nameKey = normalizeName(entity.name);
  if (nameKey === '' || forms.length === 0) return null;
  const lookups = forms.map((f) => key('n', f));
  const keeps = [...lookups];
  const relatedLookups: string[] = [];
  if (entity.type === 'ORG') {
    displays.forEach((display, i) => {
      const form = forms[i]!;
      if (!form.includes(' ')) {
        // A one-word name may be the initials of an identity's long name, and is an acronym others may spell out.
        lookups.push(key('i', form));
        keeps.push(key('a', form));
      } else {
        const initials = initialsOf(display);
        if (initials !== null) {
          lookups.push(key('a', initials));
          keeps.push(key('i', initials));
        }
      }
    });
  } else if (entity.type === 'NORP') {
    for (const f of forms) for (const place of placesOfDemonym(f)) relatedLookups.push(key('n', place));
  } else if (entity.type === 'GPE') {
    for (const f of forms) for (const people of demonymsOfPlace(f)) relatedLookups.push(key('n', people));
  }
  return {
    entity,
    type: entity.type,
    nameKey,
    forms,
    displays,
    person: null,
    displayName: entity.name.trim().replace(/^the\s+/i, ''),
    lookups: unique(lookups),
    surnameLookups: [],
    keeps: unique(keeps),
    relatedLookups: unique(relatedLookups),
  };
}

/** The view of a person entity; undefined when its own name is not one person's name (the caller falls back to exact names). */
function viewPerson(entity: Entity, rawForms: string[]): EntityView | undefined {
  if (parsePersonName(entity.name, entity.titles) === null) return undefined;
  const parsed: { person: PersonName; display: string }[] = [];
  for (const raw of rawForms) {
    const person = parsePersonName(raw, entity.titles);
    if (person && !parsed.some((p) => p.person.full === person.full)) parsed.push({ person, display: personDisplayName(raw, entity.titles) });
  }
  const own = parsed[0]!;
  // The fullest form names the person: "Steve Witkoff" over "Witkoff", the entity's name on a tie.
  let best = own;
  for (const p of parsed) if (p.person.full.split(' ').length > best.person.full.split(' ').length) best = p;
  const person = best.person;
  const lookups: string[] = [];
  const keeps: string[] = [];
  // Only forms with a given name are name keys; a bare surname is matched by the surname rule alone.
  for (const p of parsed) {
    const first = p.person.given[0];
    if (first === undefined) continue;
    lookups.push(key('n', p.person.full));
    keeps.push(key('n', p.person.full), givenKey(first, p.person.surname), givenKey(`${first[0]!}*`, p.person.surname));
  }
  const surnameLookups: string[] = [];
  for (const s of [person.surname, person.bareSurname]) {
    if (s === null) continue;
    keeps.push(key('s', s));
    // "Sharaa" may be "al-Sharaa"; "Ahmed al-Sharaa" is not any Sharaa.
    if (s === person.surname || person.given.length === 0) surnameLookups.push(key('s', s));
  }
  const given = person.given[0];
  if (given === undefined) lookups.push(key('x', person.surname));
  else {
    // "Steve" finds Steve and identities known by the initial "S."; "S." finds every given name starting with s.
    if (given.length === 1) lookups.push(givenKey(`${given}*`, person.surname));
    else lookups.push(givenKey(given, person.surname), givenKey(given[0]!, person.surname));
  }
  return {
    entity,
    type: 'PERSON',
    nameKey: own.person.full,
    forms: parsed.map((p) => p.person.full),
    displays: parsed.map((p) => p.display),
    person,
    displayName: best.display,
    lookups: unique(lookups),
    surnameLookups,
    keeps: unique(keeps),
    relatedLookups: [],
  };
}

/** The key of a first given name (or "s*": any starting with s) and a surname. */
export function givenKey(given: string, surname: string): string {
  return key('g', `${given}|${surname}`);
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

// Resolver: an event's participants from the entities around its trigger.
//   agent:    a verb's subject ("Israel has killed"), a light verb's subject ("the ICC issued arrest
//             warrants", "Hamas led an attack"), a possessor or a named modifier of a noun ("Trump’s
//             nominee", "Israeli strikes"), both sides of "between X and Y" or "Israel-Hamas", "by X";
//   patient:  a verb's object ("killed over 59,000 Palestinians"), a passive subject, a noun's object
//             ("the release of", "warrants for", "attack on"), the subject of "faces a case", the
//             person a person noun names ("Adam Boehler, Trump’s nominee");
//   with:     "with X"; the object of a symmetric verb ("meet Netanyahu");
//   mediator: "mediated/brokered by X", "mediators Qatar and Egypt", "Qatar-mediated".
// Each entity takes the first role found for it.
import type { NewsEvent } from '../../model/layers.ts';
import type { EventDocument } from './event-document.ts';
import type { MentionRef } from './mention-lookup.ts';
import { phraseHeads, type Premodifiers } from './noun-phrase.ts';
import {
  AGENT_PREPOSITIONS, BE_FORMS, COURT_PREPOSITIONS, DENIAL_VERBS, MEDIATOR_CUES, MEDIATOR_SUFFIXES, SUBJECT_ROLE, SYMMETRIC_PREPOSITIONS, TYPE_INFO, WITH_PREPOSITIONS,
} from './event-lexicon.ts';
import type { Clause } from './event-clause.ts';
import type { Following } from './phrase-reader.ts';
import type { TriggerCandidate } from './trigger-candidate.ts';
import { subjectOf } from './subject-finder.ts';
import { verbGroupBefore, type VerbGroup, type LightVerb } from './verb-group.ts';

type Role = NewsEvent['participants'][number]['role'];
/** Event types whose courts are agents: "a case at the International Court of Justice". */
const COURT_TYPES = new Set(['LEGAL_CASE', 'ARREST_WARRANT']);
/** Named modifiers of a noun that act rather than locate: "Israeli strikes", "Hamas attack", "Trump plan". */
const ACTOR_TYPES = new Set(['NORP', 'ORG', 'PERSON']);
const MEDIATOR_CUE_STARTS = new Set(MEDIATOR_CUES.map((p) => p[0]!));

/** What the participants of one trigger are read from. */
export interface ParticipantInput {
  c: TriggerCandidate;
  clause: Clause;
  group: VerbGroup | null;
  premods: Premodifiers | null;
  light: LightVerb | null;
  following: Following;
  /** Whether the noun belongs to another event (its subject is that event's, not its own). */
  governed: boolean;
}

/** The participants of a trigger, each entity once. */
export function resolveParticipants(doc: EventDocument, input: ParticipantInput): NewsEvent['participants'] {
  const { c, clause, following } = input;
  const { words } = doc.index;
  const out: NewsEvent['participants'] = [];
  const add = (heads: readonly MentionRef[], role: Role) => {
    for (const h of heads) if (!out.some((p) => p.entity === h.entity)) out.push({ entity: h.entity, role });
  };
  const info = TYPE_INFO.get(c.type)!;
  if (input.group) {
    const passive = c.form === 'ed' && input.group.words.some((w) => BE_FORMS.has(w));
    // "Hamas denied meeting …": the gerund's subject is the denying verb's, outside the denial's content.
    const denying = input.group.words.length === 0 && DENIAL_VERBS.has(words[c.first - 1]?.lower ?? '');
    if (denying) {
      const sentence = { from: doc.index.sentenceFirstWord[c.sentence]!, to: clause.to, opener: -1 };
      add(subjectOf(doc, verbGroupBefore(doc, c.first - 1, sentence.from), sentence), 'agent');
    } else add(subjectOf(doc, input.group, clause), passive ? 'patient' : 'agent');
    if (!passive && info.objectRole !== 'place') add(following.object, info.objectRole);
  } else if (input.premods) {
    const premods = input.premods;
    if (premods.possessor) add([premods.possessor], 'agent');
    const modifiers = premods.start < c.first ? doc.mentions.inside(words[premods.start]!.start, words[c.first]!.start).filter((m) => m.named) : [];
    // "Israel-Hamas ceasefire": two named sides; "Israeli strikes": an actor. A lone place ("Gaza ceasefire") is the place resolver's.
    add(modifiers.length > 1 ? modifiers : modifiers.filter((m) => ACTOR_TYPES.has(m.type)), 'agent');
    if (input.light && !input.governed) {
      const lv = words[input.light.verb]!.lower;
      add(subjectOf(doc, input.light.group, clause), SUBJECT_ROLE.get(lv) ?? 'agent');
    }
    if (info.personNouns.has(words[c.last]!.lower)) add(personNamed(doc, c, premods), 'patient');
  }
  for (const p of following.phrases) {
    if (WITH_PREPOSITIONS.has(p.preposition)) add(p.heads, 'with');
    else if (SYMMETRIC_PREPOSITIONS.has(p.preposition)) add(p.heads, 'agent');
    else if (AGENT_PREPOSITIONS.has(p.preposition)) add(p.heads, 'agent');
    else if (c.form === 'noun' && info.nounObject.has(p.preposition)) add(p.heads, 'patient');
    else if (COURT_TYPES.has(c.type) && COURT_PREPOSITIONS.has(p.preposition)) add(p.heads.filter((h) => h.type === 'ORG'), 'agent');
  }
  add(mediators(doc, clause), 'mediator');
  return out;
}

/** "Adam Boehler, Trump’s nominee" / "nominee Adam Boehler": the person a person noun stands beside. */
function personNamed(doc: EventDocument, c: TriggerCandidate, premods: Premodifiers): MentionRef[] {
  const { words } = doc.index;
  if (premods.lead >= 0 && words[premods.lead]!.text === ',') {
    const m = doc.mentions.endingAt(premods.lead - 1);
    if (m && m.type === 'PERSON') return [m];
  }
  const after = phraseHeads(doc, c.last + 1, Math.min(words.length, c.last + 6)).heads.filter((m) => m.type === 'PERSON');
  return after.slice(0, 1);
}

/** The mediators a clause names. */
function mediators(doc: EventDocument, clause: Clause): MentionRef[] {
  const { words } = doc.index;
  const out: MentionRef[] = [];
  for (let j = clause.from; j < clause.to; j++) {
    const w = words[j]!;
    const suffix = w.lower.includes('-') ? MEDIATOR_SUFFIXES.find((s) => w.lower.endsWith(s)) : undefined;
    if (suffix) out.push(...doc.mentions.inside(w.start, w.end - suffix.length).filter((m) => m.named));
    if (!MEDIATOR_CUE_STARTS.has(w.lower)) continue;
    const cue = MEDIATOR_CUES.find((p) => p.every((part, k) => words[j + k]?.lower === part));
    if (cue) out.push(...phraseHeads(doc, j + cue.length, clause.to).heads);
  }
  return out;
}

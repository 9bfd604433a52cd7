// The events stage: what happened, is going on, is planned, possible or denied, who took part, where,
// when, and who reports it. Finders propose triggers from the data lists (trigger-finder.ts); refiners
// drop those their context rules out (trigger-filter.ts) and merge the words that name one event
// (duplicate-refiner.ts); resolvers, sentence by sentence in text order, find each trigger's clause
// (event-clause.ts), the event it belongs to if any (governor-resolver.ts), its participants
// (participant-resolver.ts), place (place-resolver.ts), time from the times layer (event-time.ts),
// status (status-resolver.ts) and the statement it is reported in (the figures stage's
// claimant resolver, over the quotes layer).
import type { Stage } from '../stage.ts';
import type { Doc } from '../../model/doc.ts';
import type { NewsEvent, Quote } from '../../model/layers.ts';
import { textSpan } from '../../model/span.ts';
import { claimantResolver } from '../figures/claimant-resolver.ts';
import { eventDocument, type EventDocument } from './event-document.ts';
import { findTriggers } from './trigger-finder.ts';
import { filterTriggers } from './trigger-filter.ts';
import { mergeDuplicates } from './duplicate-refiner.ts';
import { clauseOf, type Clause } from './event-clause.ts';
import { premodifiers, type Premodifiers } from './noun-phrase.ts';
import { verbGroupBefore, type VerbGroup, type LightVerb } from './verb-group.ts';
import { governorOf, type Governor } from './governor-resolver.ts';
import { readFollowing } from './phrase-reader.ts';
import { resolveParticipants } from './participant-resolver.ts';
import { resolvePlace } from './place-resolver.ts';
import { resolveTime } from './event-time.ts';
import { resolveStatus } from './status-resolver.ts';
import { LIGHT_VERBS, LIGHT_VERB_PARTICLES, type Status } from './event-lexicon.ts';
import type { TriggerCandidate } from './trigger-candidate.ts';

/**
 * Adds `events`: every event the text names, in text order. It reads the sentences and tokens
 * (words), the entities and references (participants and places), the times (when) and the quotes
 * (who reports it, and where a statement's content ends).
 */
export const eventStage: Stage = {
  name: 'events',
  requires: ['sentences', 'tokens', 'times', 'entities', 'references', 'quotes'],
  adds: ['events'],
  run: (doc) => ({ events: findEvents(doc) }),
};

/** What the resolvers share about one trigger. */
interface Context {
  c: TriggerCandidate;
  quote: Quote | null;
  clause: Clause;
  group: VerbGroup | null;
  premods: Premodifiers | null;
  light: LightVerb | null;
}

/** The events of a Doc whose earlier layers are computed. */
export function findEvents(doc: Doc): NewsEvent[] {
  const ed = eventDocument(doc);
  const candidates = mergeDuplicates(ed, filterTriggers(ed, findTriggers(ed)));
  if (candidates.length === 0) return [];
  const statements = claimantResolver(ed.quotes, doc.layers.entities ?? []);
  const quoteIndex = new Map(ed.quotes.map((q, i) => [q, i]));

  const contexts: Context[] = [];
  const governors: (Governor | null)[] = [];
  candidates.forEach((c, i) => {
    const { words } = ed.index;
    const quote = statements.quoteOf({ start: words[c.first]!.start, end: words[c.last]!.end });
    const clause = clauseOf(ed, c.first, c.last, quote);
    const noun = c.form === 'noun';
    const premods = noun ? premodifiers(ed, c.first, clause.from) : null;
    const governor = premods ? governorOf(ed, candidates, i, premods, clause, governors) : null;
    governors.push(governor);
    contexts.push({
      c,
      quote,
      clause,
      group: noun ? null : verbGroupBefore(ed, c.first, clause.from),
      premods,
      light: premods && !governor ? lightVerbOf(ed, premods, clause) : null,
    });
  });

  const statuses: Status[] = [];
  return contexts.map((x, i) => {
    const { c, clause, premods } = x;
    const governor = governors[i] ?? null;
    const governed = governor !== null;
    const following = readFollowing(ed, c, clause);
    const time = resolveTime(ed, c, clause, governed);
    const g = governor ? { status: statuses[governor.index]!, type: candidates[governor.index]!.type, relation: governor.relation } : null;
    const status = resolveStatus(ed, { c, clause, group: x.group, premods, light: x.light, governor: g, predicateEnd: predicateEnd(candidates, governors, i, clause), time });
    statuses.push(status);
    const speaker = x.quote?.speaker?.entity ?? null;
    return {
      type: c.type,
      trigger: textSpan(ed.text, ed.index.words[c.first]!.start, ed.index.words[c.last]!.end),
      participants: resolveParticipants(ed, { c, clause, group: x.group, premods, light: x.light, following, governed }),
      place: resolvePlace(ed, c, clause, following, premods, governed),
      time,
      status,
      source: x.quote ? { quote: quoteIndex.get(x.quote)!, speaker } : null,
    };
  });
}

/** The light verb before a noun's modifiers ("held talks", "participated in the direct talks", "carried out strikes"), with its verb group. */
function lightVerbOf(doc: EventDocument, premods: Premodifiers, clause: Clause): LightVerb | null {
  const { words } = doc.index;
  let verb = premods.lead;
  if (verb < clause.from) return null;
  if (LIGHT_VERB_PARTICLES.has(words[verb]!.lower) && verb - 1 >= clause.from) verb--;
  if (!LIGHT_VERBS.has(words[verb]!.lower)) return null;
  return { verb, group: verbGroupBefore(doc, verb, clause.from) };
}

/** Where the predicate after candidate `i`'s phrase may be read up to: the next event of its clause that does not belong to it. */
function predicateEnd(candidates: readonly TriggerCandidate[], governors: readonly (Governor | null)[], i: number, clause: Clause): number {
  for (let j = i + 1; j < candidates.length && candidates[j]!.first < clause.to; j++) {
    let g = governors[j];
    while (g && g.index > i) g = governors[g.index] ?? null;
    if (!g || g.index !== i) return candidates[j]!.first;
  }
  return clause.to;
}

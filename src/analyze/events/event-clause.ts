// Finder helper: the clause around a trigger, as a word range inside its sentence. No parser: a
// clause runs between clause words ("that", "which", "if", "but", "since", ";", …; "as" before a
// noun phrase; "and" before a subject pronoun), and, looking ahead, up to an infinitive ("to discuss",
// "to release"), which opens a clause of its own unless it only says what becomes of the event
// ("this ceasefire to happen as soon as possible"). A trigger inside a statement's content stays inside that content, so that
// "the White House said Wednesday" gives no time to the trip it reports.
import type { Quote } from '../../model/layers.ts';
import { firstAtLeast } from '../../model/span.ts';
import type { EventDocument } from './event-document.ts';
import { AS_BREAK_BEFORE, CLAUSE_BREAKS, DETERMINERS, INFINITIVE_PREDICATES, SUBJECT_PRONOUNS, TRIGGER_WORDS } from './event-lexicon.ts';

/** Words `[from, to)` of a clause, and the clause word that opens it ("if" in "It is unclear if …"), or -1. */
export interface Clause {
  from: number;
  to: number;
  opener: number;
}

/** How far a clause is followed from its trigger, in words. */
const MAX_REACH = 60;

/** The clause around words `[first, last]`, inside `quote`'s content when the trigger lies in one. */
export function clauseOf(doc: EventDocument, first: number, last: number, quote: Quote | null): Clause {
  const { words, sentenceFirstWord } = doc.index;
  const sentence = words[first]!.sentence;
  const sentenceFrom = sentenceFirstWord[sentence]!;
  const sentenceTo = sentence + 1 < sentenceFirstWord.length ? sentenceFirstWord[sentence + 1]! : words.length;
  // No clause runs further than MAX_REACH words from its trigger: a megabyte without a full stop is
  // no sentence, and every resolver reads the clause word by word.
  let from = Math.max(sentenceFrom, first - MAX_REACH);
  let opener = -1;
  for (let k = first - 1; k >= sentenceFrom && first - k <= MAX_REACH; k--) {
    if (opensClause(doc, k)) {
      from = k + 1;
      opener = k;
      break;
    }
  }
  let to = Math.min(sentenceTo, last + 1 + MAX_REACH);
  for (let k = last + 1; k < to; k++) {
    if (opensClause(doc, k) || opensInfinitive(doc, k)) {
      to = k;
      break;
    }
  }
  if (quote) {
    from = Math.max(from, firstAtLeast(words, (w) => w.start, quote.start));
    to = Math.min(to, firstAtLeast(words, (w) => w.end, quote.end + 1));
  }
  return { from, to, opener: opener >= from || !quote ? opener : -1 };
}

/**
 * Whether word `k` opens a clause: a clause word, "as" before a noun phrase ("come as the ceasefire
 * remains …"), or "and" before a subject pronoun ("…, and we want these hostages to be released").
 */
function opensClause(doc: EventDocument, k: number): boolean {
  const w = doc.index.words[k]!;
  if (CLAUSE_BREAKS.has(w.lower)) return !(w.lower === 'that' && isNounAfter(doc, k));
  const next = doc.index.words[k + 1]?.lower ?? '';
  if (w.lower === 'and') return SUBJECT_PRONOUNS.has(next) && next !== 'who';
  return w.lower === 'as' && AS_BREAK_BEFORE.has(next);
}

/** "that meeting": a determiner, not a clause word. */
function isNounAfter(doc: EventDocument, k: number): boolean {
  const next = doc.index.words[k + 1];
  return next !== undefined && (TRIGGER_WORDS.get(next.lower)?.some((r) => r.form === 'noun') ?? false);
}

/** "to discuss", "to release": "to" before a lower-case word that is no determiner or number opens a purpose or complement clause. */
function opensInfinitive(doc: EventDocument, k: number): boolean {
  const { words } = doc.index;
  if (words[k]!.lower !== 'to') return false;
  const next = words[k + 1];
  if (!next || !next.alpha || next.capital || DETERMINERS.has(next.lower) || INFINITIVE_PREDICATES.has(next.lower) || /^\d/.test(next.text)) return false;
  return !(TRIGGER_WORDS.get(next.lower)?.every((r) => r.form === 'noun') ?? false);
}

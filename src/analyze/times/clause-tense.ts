// Resolver helper: the tense of the clause a time expression stands in, from the nearest tense
// word around it. "said Wednesday" is past, "would meet … on Thursday" and "is expected to vote
// Friday" future; "since Oct. 7" past whatever the verb. No parser: the nearest auxiliary, past
// form or word of intent within the sentence decides, looking back further than ahead because
// English puts the verb before its time adverbials ("would meet with … in Rome on Thursday").
import type { TimeWordView } from './time-word-view.ts';
import { FUTURE_LEADS, FUTURE_WORDS, INTENT_WORDS, NOT_PAST, PAST_WORDS, PRESENT_WORDS, REGULAR_PAST } from './time-words.ts';

/** The tense a clause gives its times; null when no word says. */
export type Tense = 'past' | 'present' | 'future' | null;

const LOOK_BACK = 15;
const LOOK_AHEAD = 8;
const BE_FORMS = new Set(['is', 'are', 'am', 'was', 'were', 'be', 'been']);

/** The tense of the clause around words `[first, end)`. */
export function clauseTense(view: TimeWordView, first: number, end: number): Tense {
  const { words } = view;
  const sentence = words[first]!.sentence;
  const from = view.sentenceStart[sentence]!;
  const to = view.sentenceEnd[sentence]!;
  if (first > from && words[first - 1]!.key === 'since') return 'past';
  const deadline = afterDeadlineWord(view, first);
  let back: Tense = null;
  let backDistance = Infinity;
  for (let k = first - 1, d = 1; k >= from && d <= LOOK_BACK; k--, d++) {
    back = tenseOfWord(view, k);
    if (back) {
      backDistance = d;
      break;
    }
  }
  let ahead: Tense = null;
  let aheadDistance = Infinity;
  for (let k = end, d = 1; k < to && d <= LOOK_AHEAD; k++, d++) {
    ahead = tenseOfWord(view, k);
    if (ahead) {
      aheadDistance = d;
      break;
    }
  }
  const tense = backDistance <= aheadDistance ? back : ahead;
  return deadline && (tense === null || tense === 'present') ? 'future' : tense;
}

/**
 * True when a word of deadline stands just before the time ("by August", "until Nov. 9",
 * "effective Feb. 1"): the time lies ahead of the writing in a clause without tense, and a named
 * month or day does whatever the verb ("gave Merieux until mid-November" in October).
 */
export function afterDeadlineWord(view: TimeWordView, first: number): boolean {
  const before = view.words[first - 1];
  return before !== undefined && before.sentence === view.words[first]!.sentence && FUTURE_LEADS.has(before.key);
}

/** Word `k` follows "had" or "had been". */
function afterPastPerfect(view: TimeWordView, k: number): boolean {
  const before = view.words[k - 1]?.key;
  return before === 'had' || (before === 'been' && view.words[k - 2]?.key === 'had');
}

/** The tense word `k` marks, if any. */
function tenseOfWord(view: TimeWordView, k: number): Tense {
  const w = view.words[k]!;
  const key = w.key;
  const before = view.words[k - 1]?.key ?? '';
  // "had been scheduled to expire at midnight Friday": the schedule lay in the past.
  if (FUTURE_WORDS.has(key)) return REGULAR_PAST.test(key) && afterPastPerfect(view, k) ? 'past' : 'future';
  // "is to resume trading Tuesday"
  if (key === 'to' && BE_FORMS.has(before) && before !== 'be' && before !== 'been') return 'future';
  if (INTENT_WORDS.has(key) && view.words[k + 1]?.key === 'to') {
    // "had been due to expire Friday": the plan lay in the past.
    return afterPastPerfect(view, k) ? 'past' : 'future';
  }
  // "would be paid in January", "to be held Thursday": a participle after "be" has no tense of its own.
  if ((before === 'be' || before === 'been' || before === 'being') && (REGULAR_PAST.test(key) || PAST_WORDS.has(key))) return null;
  if (PAST_WORDS.has(key)) return 'past';
  if (PRESENT_WORDS.has(key)) return 'present';
  if (REGULAR_PAST.test(key) && !NOT_PAST.has(key) && !w.capital) return 'past';
  return null;
}

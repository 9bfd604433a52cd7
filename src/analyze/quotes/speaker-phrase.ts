// Finder: the noun phrase that names who speaks, next to a cue word. News puts the speaker right
// before the cue ("Israeli officials say", "White House press secretary Karoline Leavitt said",
// "she has said") or, after a quotation, right after it ("…,” said Leavitt, the spokeswoman).
// Without a parser we take the run of words up to the nearest clause boundary, skipping the
// auxiliaries and adverbs that stand between a subject and its verb ("has also said").
import type { Span } from '../../model/span.ts';
import type { WordIndex } from '../entities/word-index.ts';

/** Words that end a subject phrase looking left from the cue: a clause begins after them. */
const BOUNDARIES = new Set([
  'that', 'which', 'who', 'whom', 'whose', 'but', 'because', 'when', 'while', 'as', 'if', 'since', 'although', 'though', 'so', 'and', 'or',
  'then', 'where', 'after', 'before', 'until', 'unless', 'than', 'whether', 'what', 'how', 'why', 'said', 'says', 'say', 'told', 'is', 'was',
  'are', 'were', 'be', 'been', 'to', 'for', 'with', 'in', 'on', 'at', 'by', 'about', 'into', 'from', 'over', 'under', 'against',
]);
/** Words between a subject and its cue ("Leavitt has also said"): skipped, not part of the speaker. */
const BETWEEN = new Set([
  'has', 'have', 'had', 'also', 'previously', 'repeatedly', 'later', 'earlier', 'again', 'would', 'will', 'could', 'may', 'might', 'did',
  'does', 'do', 'not', "n't", 'never', 'already', 'publicly', 'privately', 'reportedly', 'separately', 'recently', 'now', 'still', 'often',
  'once', 'twice', 'further', 'first', 'then', 'quickly', 'flatly', 'firmly', 'initially', 'just', 'should', 'must', 'doesn’t', "doesn't",
  'don’t', "don't", 'didn’t', "didn't", 'won’t', "won't", 'can’t', "can't", 'wouldn’t', "wouldn't", 'n’t', 'wanna', 'gonna', 'let',
]);
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'who']);
/** Words that may join two parts of one subject noun phrase ("officials in Gaza", "Bush and his rivals"). */
const NP_INNER = new Set(['in', 'for', 'at', 'from', 'and']);
/** Words opening a comma-set insert that is no part of a source: a relative clause or a discourse adverbial. */
const RELATIVE_OR_DISCOURSE = new Set(['who', 'which', 'whose', 'whom', 'that', 'however', 'meanwhile', 'instead', 'too', 'though', 'also', 'for', 'instance', 'example', 'in', 'turn', 'fact', 'moreover', 'then', 'now', 'still', 'again']);
const MAX_WORDS = 9;
const PREPOSITIONS = new Set(['in', 'on', 'at', 'by', 'from', 'for', 'with', 'over', 'about', 'and']);

/**
 * The speaker phrase ending right before word `cue` (the cue's first word), or null. A phrase with
 * an appositive ("Peter Morency, a customer based in Boston, said") runs from the name to the
 * appositive's end, as PolNeAR marks sources.
 */
export function speakerBefore(index: WordIndex, cue: number): Span | null {
  const { words } = index;
  const sentence = words[cue]!.sentence;
  if (words[cue - 1]?.text === ',' && words[cue - 1]!.sentence === sentence) {
    let open = cue - 2;
    while (open >= 0 && words[open]!.sentence === sentence && words[open]!.text !== ',' && cue - open < 24) open--;
    if (open > 0 && words[open]!.text === ',' && words[open]!.sentence === sentence) {
      const head = speakerBefore(index, open);
      // A relative clause or a discourse word set off by commas is not part of the source
      // ("Barkley, who said he votes democratic, said"; "The government, for instance, refused");
      // a describing noun phrase is ("Clinton, 35, the daughter of …, said").
      const inner = words[open + 1]!.lower;
      if (head && (RELATIVE_OR_DISCOURSE.has(inner) || words.slice(open + 1, cue - 1).every((w) => RELATIVE_OR_DISCOURSE.has(w.lower)))) return head;
      if (head) return { start: head.start, end: words[cue - 2]!.end };
    }
    return null;
  }
  let k = cue - 1;
  // Auxiliaries and adverbs between subject and verb: "has also", "relentlessly", "finally", "wanna".
  while (k >= 0 && words[k]!.sentence === sentence && (BETWEEN.has(words[k]!.lower) || (/^\p{Ll}+ly$/u.test(words[k]!.text) && words[k]!.lower !== 'only'))) k--;
  const last = k;
  if (last < 0 || words[last]!.sentence !== sentence || !words[last]!.alpha || BOUNDARIES.has(words[last]!.lower)) return null;
  let first = last;
  while (first - 1 >= 0 && last - first + 1 < MAX_WORDS) {
    const w = words[first - 1]!;
    // A prepositional phrase or a coordination inside the subject ("voters in Iowa", "Bush and his
    // rivals") belongs to it when a noun phrase stands before it.
    const inner = NP_INNER.has(w.lower) && first - 2 >= 0 && words[first - 2]!.sentence === sentence && words[first - 2]!.alpha && !BOUNDARIES.has(words[first - 2]!.lower) && !PRONOUNS.has(words[first - 2]!.lower);
    if (w.sentence !== sentence || (BOUNDARIES.has(w.lower) && !inner) || PRONOUNS.has(words[first]!.lower)) break;
    // A comma closes the phrase unless it sets off an appositive inside it ("Leavitt, the spokeswoman, said"): keep it simple and stop.
    if (!w.alpha && !w.possessive && w.text !== '.' && w.text !== '-' && w.text !== '&') break;
    first--;
  }
  while (first <= last && !words[first]!.alpha) first++;
  if (first > last) return null;
  return { start: words[first]!.start, end: words[last]!.end };
}

/**
 * The speaker phrase starting right after word `cueEnd` (the cue's last word) and ending at a comma,
 * a clause word or the sentence end, or null. `withPhrases` keeps prepositional phrases in it, as a
 * source after "according to" has them ("a new poll from Florida Atlantic University broadcast on MSNBC").
 */
export function speakerAfter(index: WordIndex, cueEnd: number, withPhrases = false): Span | null {
  const { words } = index;
  const sentence = words[cueEnd]!.sentence;
  const first = cueEnd + 1;
  if (first >= words.length || words[first]!.sentence !== sentence || !words[first]!.alpha) return null;
  let last = first;
  if (!PRONOUNS.has(words[first]!.lower)) {
    while (last + 1 < words.length && last - first + 1 < MAX_WORDS) {
      const w = words[last + 1]!;
      const boundary = BOUNDARIES.has(w.lower) && !(withPhrases && PREPOSITIONS.has(w.lower));
      if (w.sentence !== sentence || boundary || (!w.alpha && !w.possessive && w.text !== '.' && w.text !== '-' && w.text !== '&')) break;
      last++;
    }
  }
  while (last > first && (!words[last]!.alpha || words[last]!.text === '.')) last--;
  return { start: words[first]!.start, end: words[last]!.end };
}

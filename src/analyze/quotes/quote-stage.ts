// The quotes stage: who said (or believes, estimates, knows) what, and when. Finders: quoted
// stretches (quote-marks.ts) with the cue and speaker beside them, and cue words of indirect
// speech with the clause they introduce; resolvers: the speaker phrase to an entity (a mention
// or a resolved pronoun or description inside it) and the cue's day to a date. Every lookup in a
// span list is a binary search (firstAtLeast), so that an article full of quotations stays linear
// (a 1 MB text of 20,000 quotations took 18 s with scans).
import type { Stage } from '../stage.ts';
import type { Doc } from '../../model/doc.ts';
import type { Entity, EntityReference, Quote } from '../../model/layers.ts';
import { firstAtLeast, textSpan, type Span } from '../../model/span.ts';
import { buildWordIndex, type WordIndex } from '../entities/word-index.ts';
import { findQuotedSpans, type QuotedSpan } from './quote-marks.ts';
import { speakerAfter, speakerBefore } from './speaker-phrase.ts';
import { quoteDate } from './quote-date.ts';
import { findColonHeadlines } from './colon-headline.ts';
import cueData from './data/cue-words.json' with { type: 'json' };
import cueLexicon from './data/cue-lexicon.json' with { type: 'json' };

const SPEECH_OR_BELIEF = new Set([...cueData.speech, ...cueData.belief]);
const NOT_CUES = new Set(cueData.notCues);
/** The hand-written lists and the words PolNeAR's train split marks as cues (data/cue-lexicon.json), less those that mostly report deeds. */
const LEXICON = cueLexicon.words.filter((w) => !NOT_CUES.has(w));
const CUES = new Set([...SPEECH_OR_BELIEF, ...cueData.stance, ...LEXICON]);
/** Cue forms that are as often nouns ("the state", "his attacks", "a plan"): cues only after a pronoun, a name or an auxiliary. */
const NOUN_LIKE = new Set(cueData.nounLike);
/** Cues whose object is the content: it ends at the first comma ("Christie endorsed Trump last week, saying …"). */
const STANCE = new Set([...cueData.stance, ...LEXICON.filter((w) => !SPEECH_OR_BELIEF.has(w))]);
const POSTPOSED = new Set(cueData.postposed);
const PHRASES = cueData.phrases.map((p) => p.split(' '));
/**
 * What may stand between a cue and its content ("said Wednesday …", "told reporters on Tuesday …",
 * "said in a statement …"), stripped one piece at a time. The complementizer stays with the content
 * ("said [that U.S. officials have had …]"), as PolNeAR marks it: the clause is what was said.
 */
const AFTER_CUE_PIECES = [
  /^\s*,/,
  /^\s+(?:on|late|early|last|this)\b/i,
  /^\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|morning|afternoon|evening|night)\b/i,
  /^\s+(?:reporters|journalists)\b/i,
  /^\s+(?:in|at|during|on|via|through)\s+(?:a|an|the|his|her|their)\s+(?:\S+\s+){0,2}?(?:statement|conference|interview|briefing|post|letter|speech|call|appearance|release)\b/i,
];
/** Words that open an adjunct between a cue and its "that" clause ("said during the debate that …"). */
const ADJUNCT_OPENERS = new Set(['during', 'in', 'at', 'on', 'after', 'before', 'to', 'while', 'via', 'through', 'with', 'over', 'earlier', 'later', 'last', 'this']);
/** What may follow a cue that closes its statement ("…, Cruz said on Tuesday."): nothing, or a short adjunct. */
const SHORT_ADJUNCT = /^\s*(?:[.,]?\s*$|(?:on|in|at|during|after|before|to|last|this|earlier|later|late|early|yesterday|today|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)/i;
const MIN_DIRECT_WORDS = 4;
/** Cues of appearance ("seemed to", "appears to"): attributions without a source. */
const APPEARANCE = new Set(['seem', 'seems', 'seemed', 'appear', 'appears', 'appeared']);
/** How far around a cue its patterns look (a speaker, a comma, a clause word stand near it). */
const NEAR_CUE_CHARS = 300;
/** How far into a clause its boundaries are looked for; no real sentence is longer. */
const MAX_CLAUSE_CHARS = 3000;

/** A cue found in the text: words `[first, last]` of the word index. */
interface Cue {
  first: number;
  last: number;
  postposed: boolean;
  accordingTo: boolean;
}

export const quoteStage: Stage = {
  name: 'quotes',
  requires: ['sentences', 'tokens', 'times', 'entities', 'references'],
  adds: ['quotes'],
  run: (doc) => ({ quotes: findQuotes(doc) }),
};

function findQuotes(doc: Doc): Quote[] {
  const { text } = doc;
  const index = buildWordIndex(text, doc.layers.tokens ?? [], doc.layers.sentences ?? []);
  const quoted = findQuotedSpans(text);
  const cues = findCues(index, quoted);
  const resolver = speakerResolver(text, doc.layers.entities ?? [], doc.layers.references ?? []);
  const published = doc.meta.published.date;
  const out: Quote[] = [];
  const usedCues = new Set<number>();
  const usedQuotes = new Set<number>();

  const push = (content: Span, kind: Quote['kind'], speaker: Span | null, cue: Cue | null) => {
    if (content.end <= content.start) return;
    const cueSpan = cue ? { start: index.words[cue.first]!.start, end: index.words[cue.last]!.end } : null;
    out.push({
      ...textSpan(text, content.start, content.end),
      kind,
      speaker: speaker ? { ...textSpan(text, speaker.start, speaker.end), entity: resolver(speaker) } : null,
      cue: cueSpan ? textSpan(text, cueSpan.start, cueSpan.end) : null,
      date: cueSpan ? quoteDate(text, cueSpan, published, doc.layers.times ?? []) : null,
    });
  };

  // Direct quotations with their cue after ("…,” she said) or before (Leavitt said: “…”).
  for (let q = 0; q < quoted.length; q++) {
    const span = quoted[q]!;
    const words = wordCount(text, span);
    const after = attributionAfter(index, span, cues, usedCues);
    const before = after ? null : attributionBefore(index, span, cues, usedCues);
    // A quotation inside indirect speech ("said that officials have had “ongoing talks” with …")
    // is part of that statement: the indirect finder reports the whole clause as a mixed quote.
    if (before?.inside) continue;
    const found = after ?? before;
    if (!found && words < MIN_DIRECT_WORDS) continue; // a scare quote or a title, not a statement
    if (!found && !endsStatement(text, span)) continue;
    let content: Span = { start: span.start, end: span.end };
    let kind: Quote['kind'] = 'direct';
    // A quotation that opens inside its sentence (Witkoff “will meet …,” Leavitt told reporters) is
    // part of a statement that starts with the sentence: mixed.
    const opening = sentenceOpening(index, span.open);
    if (after && opening !== null) {
      content = { start: opening, end: span.end };
      kind = 'mixed';
    }
    // The cue between two halves of one quotation: “A,” she said, “B.”
    const next = quoted[q + 1];
    usedQuotes.add(q);
    if (after && next && /^\s*,?\s*$/.test(text.slice(after.end, next.open)) && sameParagraph(text, span.after, next.open)) {
      content = { start: content.start, end: next.end };
      usedQuotes.add(++q);
    }
    if (found) usedCues.add(found.cue.first);
    push(content, kind, found?.speaker ?? null, found?.cue ?? null);
  }

  // Indirect speech: a cue with its speaker before it and the clause after it, or the clause before it.
  // A second cue joined by "and"/"but" shares the first one's speaker and ends its content
  // ("Leavitt added that …, but noted that there are …").
  let previous: { sentence: number; speaker: Span | null } | null = null;
  for (let c = 0; c < cues.length; c++) {
    const cue = cues[c]!;
    if (usedCues.has(cue.first)) continue;
    const sentence = index.words[cue.first]!.sentence;
    const joined = previous?.sentence === sentence && /^(?:and|but)$/.test(index.words[cue.first - 1]?.lower ?? '');
    const found = indirect(index, cue, joined ? previous!.speaker : undefined);
    if (!found) continue;
    const nextCue = cues[c + 1];
    if (nextCue && index.words[nextCue.first]!.sentence === sentence && /^(?:and|but)$/.test(index.words[nextCue.first - 1]?.lower ?? '')) {
      const cut = index.words[nextCue.first - 1]!.start;
      if (cut > found.content.start && cut < found.content.end) found.content = { start: found.content.start, end: trimClauseEnd(text, found.content.start, cut) };
    }
    previous = { sentence, speaker: found.speaker };
    const first = firstAtLeast(quoted, (x) => x.start, found.content.start);
    const inside = first < quoted.length && quoted[first]!.start < found.content.end;
    // A quotation already reported as direct speech is not reported again as indirect.
    const holder = first - 1 >= 0 ? first - 1 : -1;
    const around = [holder, first].filter((k) => k >= 0 && k < quoted.length);
    if (around.some((k) => usedQuotes.has(k) && quoted[k]!.open <= found.content.start && quoted[k]!.end >= found.content.end)) continue;
    usedCues.add(cue.first);
    push(found.content, inside ? 'mixed' : 'indirect', found.speaker, cue);
  }
  // "Graham: Trump's Rhetoric Destroying GOP's Chance": the line is one statement with its speaker;
  // a quotation or cue found inside it is part of that statement.
  // A colon after a cue ("Solenne said: “…”") belongs to that cue, not to a headline.
  const headlines = findColonHeadlines(text).filter((h) => !cues.some((c) => index.words[c.first]!.start >= h.speaker.start && index.words[c.first]!.start < h.cue.start));
  const kept = headlines.length === 0 ? out : out.filter((q) => !headlines.some((h) => q.start < h.content.end && h.content.start < q.end));
  for (const h of headlines) {
    kept.push({
      ...textSpan(text, h.content.start, h.content.end),
      kind: h.quoted ? 'direct' : 'indirect',
      speaker: { ...textSpan(text, h.speaker.start, h.speaker.end), entity: resolver(h.speaker) },
      cue: textSpan(text, h.cue.start, h.cue.end),
      date: null,
    });
  }
  return mergeContinuations(text, kept.sort((a, b) => a.start - b.start), doc.meta.title);
}

/**
 * A quotation with no cue of its own that follows another statement in the same paragraph goes on
 * with it (“…,” said Robert Stone, a farmer. “Every time she opens her mouth …”): one statement,
 * reported as the hull of its parts, as the scorer reads a discontinuous span. One that follows no
 * statement is kept only when it opens a paragraph (speech whose speaker the article named before),
 * and never in the headline ("'Within reach': talks resume" names no speaker).
 */
function mergeContinuations(text: string, quotes: Quote[], title: Span | null): Quote[] {
  const out: Quote[] = [];
  for (const q of quotes) {
    const previous = out[out.length - 1];
    if (previous && !q.cue && !q.speaker && previous.speaker && q.start > previous.end && !text.slice(previous.end, q.start).includes('\n')) {
      out[out.length - 1] = { ...previous, ...textSpan(text, previous.start, q.end), kind: previous.kind === 'direct' ? 'direct' : 'mixed' };
      continue;
    }
    // A quotation no cue, speaker or earlier statement claims is kept only where it opens a paragraph
    // (speech whose speaker the article gave before), never in the headline; inside running text it
    // is a slogan, a title, a sign.
    if (!q.cue && !q.speaker && !(opensParagraph(text, q) && !(title && q.start < title.end && title.start < q.end))) continue;
    out.push(q);
  }
  return out;
}

/** The start of the sentence holding offset `at` when words stand between it and `at` (a quotation opening mid-sentence), else null. */
function sentenceOpening(index: WordIndex, at: number): number | null {
  const sentence = index.sentences[firstAtLeast(index.sentences, (s) => s.end, at + 1)];
  if (!sentence || sentence.start > at) return null;
  const before = index.text.slice(sentence.start, at);
  return /[\p{L}\p{N}]/u.test(before) ? skipSpace(index.text, sentence.start) : null;
}

/** Cue words and phrases outside quotations, in text order. */
function findCues(index: WordIndex, quoted: readonly QuotedSpan[]): Cue[] {
  const { words } = index;
  const out: Cue[] = [];
  let q = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    while (q < quoted.length && quoted[q]!.end <= w.start) q++;
    if (q < quoted.length && quoted[q]!.start <= w.start) continue;
    const phrase = PHRASES.find((p) => p.every((part, k) => words[i + k]?.lower === part));
    if (phrase) {
      out.push({ first: i, last: i + phrase.length - 1, postposed: false, accordingTo: phrase[0] === 'according' });
      i += phrase.length - 1;
      continue;
    }
    // A capitalised cue word inside a sentence is part of a name ("the Washington Post", "United
    // States", "Wash Post Fact-Check"), unless it is a verb of saying in a title-case headline ("Obama Says …").
    const opensSentence = i === 0 || words[i - 1]!.sentence !== w.sentence || /^["“‘'(\[—–-]$/.test(words[i - 1]!.text);
    if (CUES.has(w.lower) && !(w.capital && !opensSentence && (NOUN_LIKE.has(w.lower) || !SPEECH_OR_BELIEF.has(w.lower)))) out.push({ first: i, last: i, postposed: POSTPOSED.has(w.lower), accordingTo: false });
  }
  return out;
}

interface Attribution {
  cue: Cue;
  speaker: Span | null;
  /** Where the attribution ends (after the closing mark). */
  end: number;
  /** The quotation stands inside a sentence of indirect speech (a mixed quote). */
  inside?: boolean;
}

/** “…,” she said / “…,” said Leavitt / “…,” Leavitt told reporters: a cue within a few words after the closing mark. */
function attributionAfter(index: WordIndex, span: QuotedSpan, cues: readonly Cue[], used: ReadonlySet<number>): Attribution | null {
  const { words } = index;
  const startWord = index.startsAt[span.after] ?? -1;
  let k = startWord >= 0 ? startWord : firstAtLeast(words, (w) => w.start, span.after);
  if (k >= words.length) return null;
  if (words[k]!.text === ',') k++;
  let cue: Cue | undefined;
  for (let c = firstAtLeast(cues, (x) => x.first, k); c < cues.length && cues[c]!.first <= k + 12; c++) {
    if (cues[c]!.postposed && !used.has(cues[c]!.first)) {
      cue = cues[c];
      break;
    }
  }
  // The cue stands in the sentence the quotation closes: “… an end.” Officials say … is a new statement.
  const closing = firstAtLeast(words, (w) => w.end, span.end);
  if (!cue || closing >= words.length || words[cue.first]!.sentence !== words[closing]!.sentence) return null;
  // Nothing but the speaker may stand between the mark and the cue, an appositive's commas included
  // ("…,” the Front's spokesman, Arvid Solenne, told …).
  if (words.slice(k, cue.first).some((w) => !w.alpha && !w.possessive && w.text !== '.' && w.text !== '-' && w.text !== ',')) return null;
  const between = words.slice(k, cue.first);
  if (between.length > 0 && between[between.length - 1]!.text === ',') between.pop();
  if (between.length > 0 && between[0]!.text === ',') return null;
  // The words between are the speaker only if they open like a noun phrase: "…” over a Gaza deal, the White House said" is not one.
  // Nor a clause of its own: "…” they cited on Tuesday, after the Front confirmed …" names no speaker of the quotation.
  if (between.some((w) => CUES.has(w.lower) || /^(?:after|before|when|because|while|since|until|on|in|at|during)$/.test(w.lower))) return null;
  if (between.length > 0 && !between[0]!.capital && !between[0]!.titlePart && !/^(?:the|a|an|his|her|its|their|one|two|three|several|many|some|he|she|they|we|i|officials|sources)$/.test(between[0]!.lower)) return null;
  const speaker = between.length > 0 ? { start: between[0]!.start, end: between[between.length - 1]!.end } : speakerAfter(index, cue.last);
  return { cue, speaker, end: words[cue.last]!.end };
}

/** Leavitt said: “…” / Leavitt said that “…” / noted that there are “…”: a cue earlier in the same sentence. */
function attributionBefore(index: WordIndex, span: QuotedSpan, cues: readonly Cue[], used: ReadonlySet<number>): Attribution | null {
  const { words, text } = index;
  const open = firstAtLeast(words, (w) => w.start, span.open);
  if (open <= 0 || open >= words.length) return null;
  const sentence = words[open]!.sentence;
  for (let c = firstAtLeast(cues, (x) => x.last, open) - 1; c >= 0; c--) {
    const cue = cues[c]!;
    if (cue.last >= open || used.has(cue.first)) continue;
    if (words[cue.first]!.sentence !== sentence) break;
    // Direct when the quotation follows the cue and closes the sentence (Leavitt said: “…”);
    // embedded when words stand around it (“… confirms “ongoing talks” with Hamas”).
    const between = text.slice(words[cue.last]!.end, span.open);
    const sentenceEnd = index.sentences[sentence]!.end;
    const closes = /^[\s.,;:!?'"”’)\]]*$/.test(text.slice(span.after, sentenceEnd));
    const direct = /^\s*[:,]?\s*$/.test(between) && closes;
    const speaker = cue.accordingTo ? speakerAfter(index, cue.last) : speakerBefore(index, cue.first);
    return { cue, speaker, end: span.after, inside: !direct };
  }
  return null;
}

/** Indirect speech around one cue: content after it (speaker before), or before it ("…, officials said."). */
function indirect(index: WordIndex, cue: Cue, sharedSpeaker?: Span | null): { content: Span; speaker: Span | null } | null {
  const { words, text, sentences } = index;
  const sentence = sentences[words[cue.first]!.sentence]!;
  const sentenceEnd = trimSentenceEnd(text, sentence);
  // Only the last and first few hundred characters around the cue are read for its patterns, so
  // that a "sentence" of a megabyte (text without full stops) costs no more per cue than a real one.
  const cueStart = words[cue.first]!.start;
  const tailStart = Math.max(sentence.start, cueStart - NEAR_CUE_CHARS);
  const before = text.slice(tailStart, cueStart);
  if (cue.accordingTo) {
    const source = speakerAfter(index, cue.last, true);
    if (!source) return null;
    if (/[\p{L}\p{N}”"’)]\s*,?\s*$/u.test(before) && text.slice(sentence.start, cueStart).trim().length > 1) return { content: { start: sentence.start, end: tailStart + before.replace(/\s*,\s*$/, '').length }, speaker: source };
    const at = text.slice(source.end, sentenceEnd).indexOf(',');
    if (at < 0) return null;
    const comma = source.end + at;
    return { content: { start: skipSpace(text, comma + 1), end: sentenceEnd }, speaker: source };
  }
  // "…, officials said." / "…, said Leavitt.": the cue closes the sentence.
  // The speaker between the comma and the cue: "…, the Times said" (not "…, with no shelling reported").
  const commaBefore = /,(?!\s*(?:with|without|in|on|at|for|by|from|after|before|as|amid|despite)\b)\s*(?:[\p{L}’'.\- ]{0,60}\s)?$/iu.exec(before);
  const restAfter = text.slice(words[cue.last]!.end, Math.min(sentenceEnd, words[cue.last]!.end + NEAR_CUE_CHARS));
  // "…, the Times said, including …": an attribution set off inside the sentence; the content is both
  // sides of it (reported as their hull, as the scorer reads a discontinuous span).
  const parenthetical = /^[^,]{0,60},\s/.test(restAfter) && !/\bthat\b/.test(restAfter.split(',')[0]!);
  // With nothing between the comma and the cue (", said …"), the speaker must follow as a name or a
  // described noun phrase ("said Leavitt", "said the ministry"), not a clause ("said both sides had agreed …").
  const speakerFollows = commaBefore !== null && (commaBefore[0].trim() !== ',' || /^\s+(?:\p{Lu}|(?:the|a|an|its|his|her|their)\s)/u.test(restAfter));
  // "… - but said the outcome was open": a coordinated cue shares its subject; nothing is inverted.
  const coordinated = /^(?:and|but|or)$/.test(words[cue.first - 1]?.lower ?? '');
  if (cue.postposed && commaBefore && speakerFollows && !coordinated && ((/^[\s\p{L}’'.,-]{0,80}$/u.test(restAfter) && !/\bthat\b/.test(restAfter)) || parenthetical)) {
    const comma = tailStart + before.lastIndexOf(',');
    const speakerFirst = speakerBefore(index, cue.first);
    const between = speakerFirst !== null && speakerFirst.start > comma;
    // "When asked about the crisis, Ted Cruz said he knows …": with the speaker between the comma and
    // the cue, a clause after the cue is what was said (read below), not the words before the comma.
    if (!between || parenthetical || SHORT_ADJUNCT.test(restAfter)) {
      const speaker = between ? speakerFirst : speakerAfter(index, cue.last);
      const start = skipSpace(text, sentence.start);
      if (comma - start < 10) return null;
      return { content: { start, end: parenthetical ? sentenceEnd : comma }, speaker };
    }
  }
  if (NOUN_LIKE.has(words[cue.first]!.lower) && !verbPosition(index, cue.first)) return null;
  const participle = /ing$/.test(words[cue.first]!.lower) && /^[,–—-]$/.test(words[cue.first - 1]?.text ?? '');
  const speaker =
    sharedSpeaker !== undefined ? sharedSpeaker : participle ? sentenceSubject(index, cue.first) : (speakerBefore(index, cue.first) ?? coordinatedSubject(index, cue.first));
  if (!speaker) return null;
  // "Christie's stare seemed to reflect sadness": an appearance has no source; what seems is the
  // whole clause, its subject included.
  if (APPEARANCE.has(words[cue.first]!.lower) && /^\s+to\b/.test(text.slice(words[cue.last]!.end, words[cue.last]!.end + 4))) {
    const end = trimSentenceEnd(text, sentence);
    return end - speaker.start > 2 ? { content: { start: speaker.start, end }, speaker: null } : null;
  }
  let start = words[cue.last]!.end;
  // "told a town hall in Salem on Monday that …", "said during this week's debate that …": the
  // content starts at the "that" after the addressee or the adjunct.
  if (/^tell|^told/.test(words[cue.first]!.lower) || ADJUNCT_OPENERS.has(words[cue.last + 1]?.lower ?? '')) {
    for (let k = cue.last + 1; k < words.length && k <= cue.last + 14 && words[k]!.sentence === words[cue.first]!.sentence; k++) {
      if (words[k]!.lower === 'that') {
        start = words[k]!.start;
        break;
      }
      if (!words[k]!.alpha && !words[k]!.possessive && words[k]!.text !== ',' && words[k]!.text !== '.') break;
    }
  }
  for (let stripped = true; stripped; ) {
    stripped = false;
    for (const piece of AFTER_CUE_PIECES) {
      const m = piece.exec(text.slice(start, sentenceEnd));
      if (m) {
        start += m[0].length;
        stripped = true;
      }
    }
  }
  start = skipSpace(text, start);
  let end = sentenceEnd;
  if (STANCE.has(words[cue.first]!.lower) && !/^that\b/.test(text.slice(words[cue.last]!.end).trimStart())) {
    const comma = commaOutsideQuotes(text, start, Math.min(end, start + MAX_CLAUSE_CHARS));
    if (comma >= 0) end = comma;
  }
  // A second clause the reporter adds is not the speaker's: "…, however this time around …", "…; …".
  const clause = /;\s|,\s+(?:however|though|although|whereas|while|according|adding|saying|noting)\b/i.exec(text.slice(start, Math.min(end, start + MAX_CLAUSE_CHARS)));
  if (clause && clause.index > 0) end = start + clause.index;
  // "declined to comment", "agree to terms", "made no mention of": a cue word used otherwise than to
  // report ("said about 24 …" still reports a number).
  if (end - start < 2 || /^(?:of|with|on|by|at|from|into|in|over|under|after|before|since|during|against|without|amid)\b/i.test(text.slice(start, start + 12))) return null;
  // "if Hamas doesn't agree to terms": a condition, not a statement.
  if (/\b(?:if|unless|whether)\s+$/i.test(text.slice(Math.max(0, speaker.start - 10), speaker.start))) return null;
  const speakerWords = text.slice(speaker.start, speaker.end).split(/\s+/);
  if (/^(?:a|an|the|no|any|this|that|his|her|its|their|our|my)$/i.test(speakerWords[speakerWords.length - 1]!)) return null;
  // "no shelling reported", "Tuesday arguing": no one speaks there.
  if (/^(?:no|none|nothing)$/i.test(speakerWords[0]!) || (speakerWords.length === 1 && /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)$/i.test(speakerWords[0]!))) return null;
  return { content: { start, end }, speaker };
}

/** Does the word at `k` stand where a verb stands: before "that", or after a pronoun, a name, "who", or an auxiliary (adverbs skipped)? */
function verbPosition(index: WordIndex, k: number): boolean {
  // "estimate that", "claims that": a clause follows, so the word is the verb.
  const next = index.words[k + 1];
  if (next && next.sentence === index.words[k]!.sentence && next.lower === 'that') return true;
  // Adverbs stand between a subject and its verb: "officials now estimate", "he repeatedly claims".
  let p = k - 1;
  while (p >= 0 && /^(?:now|still|also|often|again|\p{Ll}+ly)$/u.test(index.words[p]!.text)) p--;
  const previous = index.words[p];
  if (!previous || previous.sentence !== index.words[k]!.sentence) return false;
  if (/^(?:he|she|they|we|i|it|who|has|have|had|will|would|also|often|repeatedly|never|did|does|do|to)$/.test(previous.lower)) return true;
  return previous.capital && previous.alpha && !/^(?:the|a|an|this|that|these|those|his|her|its|their|our|my|your|some|any|no|every)$/.test(previous.lower);
}

/**
 * "Marco Rubio flipped his choice on the spot – saying …": a participle cue's speaker is the subject
 * of its sentence, taken when the sentence opens with a pronoun or with a name (capitalised words,
 * possibly after "The").
 */
function sentenceSubject(index: WordIndex, cue: number): Span | null {
  const { words } = index;
  const first = index.sentenceFirstWord[words[cue]!.sentence]!;
  if (first < 0 || first >= cue) return null;
  const w = words[first]!;
  if (/^(?:he|she|they|we|i|it)$/.test(w.lower)) return { start: w.start, end: w.end };
  let k = w.lower === 'the' ? first + 1 : first;
  if (k >= cue || !words[k]!.capital) return null;
  while (k + 1 < cue && (words[k + 1]!.capital || words[k + 1]!.possessive) && words[k + 1]!.alpha) k++;
  return { start: w.start, end: words[k]!.end };
}

/**
 * "Graham called Trump “crazy” and said …": the cue is the second verb of a sentence whose subject
 * opens it. The subject is taken when the sentence starts with a pronoun or a phrase ending in a
 * capitalised word, followed by a verb-looking lower-case word, so that an opening clause is not read as one.
 */
function coordinatedSubject(index: WordIndex, cue: number): Span | null {
  const { words } = index;
  if (words[cue - 1]?.lower !== 'and') return null;
  const sentence = words[cue]!.sentence;
  const first = index.sentenceFirstWord[sentence]!;
  if (first < 0 || first >= cue) return null;
  const w = words[first]!;
  if (/^(?:he|she|they|we|i)$/.test(w.lower)) return { start: w.start, end: w.end };
  let last = first;
  while (last + 1 < cue && words[last + 1]!.capital && words[last + 1]!.alpha) last++;
  if (!w.capital || last === cue - 1) return null;
  return { start: w.start, end: words[last]!.end };
}

/** Does the quotation open its paragraph (nothing but its mark before it on the line)? */
function opensParagraph(text: string, q: Span): boolean {
  // Only the quotation mark and spaces may stand between the line's start and the content.
  let k = q.start - 1;
  if (k >= 0 && /["“‘']/.test(text[k]!)) k--;
  while (k >= 0 && text[k] !== '\n' && /\s/.test(text[k]!)) k--;
  return k < 0 || text[k] === '\n';
}

/** The first comma in `[start, end)` that stands outside quotation marks ("called the release “a beginning, not an end,” and …"), or -1. */
function commaOutsideQuotes(text: string, start: number, end: number): number {
  let open = false;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === '“') open = true;
    else if (c === '”') open = false;
    else if (c === '"') open = !open;
    else if (c === ',' && !open) return i;
  }
  return -1;
}

/** The end of a clause cut at `cut`: spaces and a comma before it dropped. */
function trimClauseEnd(text: string, start: number, cut: number): number {
  let end = cut;
  while (end > start && /[\s,;]/.test(text[end - 1]!)) end--;
  return end;
}

function trimSentenceEnd(text: string, sentence: Span): number {
  let end = sentence.end;
  while (end > sentence.start && /[\s.!?;:"'”’]/.test(text[end - 1]!)) end--;
  return end;
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && /\s/.test(text[at]!)) at++;
  return at;
}

function wordCount(text: string, span: Span): number {
  return text.slice(span.start, span.end).split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** A quotation that ends in sentence punctuation inside its marks reads as a statement even without a cue nearby (a headline quote, a paragraph of speech). */
function endsStatement(text: string, span: Span): boolean {
  return /[.!?,]$/.test(text.slice(span.start, span.end).trimEnd());
}

function sameParagraph(text: string, from: number, to: number): boolean {
  return !text.slice(from, to).includes('\n');
}

/**
 * Resolves a speaker span to an entity id: the entity mention (or resolved pronoun or description)
 * that ends its first part, before an appositive's comma: the head of "White House press secretary
 * Karoline Leavitt", not the "Boston" of "Peter Morency, a customer based in Boston"; none for
 * "Israeli officials", whose head is no name.
 */
function speakerResolver(text: string, entities: readonly Entity[], references: readonly EntityReference[]): (span: Span) => string | null {
  const mentions: { start: number; end: number; entity: string }[] = [];
  for (const e of entities) for (const m of e.mentions) mentions.push({ start: m.start, end: m.end, entity: e.id });
  for (const r of references) mentions.push({ start: r.start, end: r.end, entity: r.entity });
  mentions.sort((a, b) => a.start - b.start);
  return (whole) => {
    const at = text.slice(whole.start, whole.end).indexOf(',');
    const comma = at < 0 ? -1 : whole.start + at;
    const span = comma >= 0 ? { start: whole.start, end: comma } : whole;
    const headOf = (part: Span) => {
      let found: string | null = null;
      for (let k = firstAtLeast(mentions, (x) => x.start, part.start); k < mentions.length; k++) {
        const m = mentions[k]!;
        if (m.start >= part.end) break;
        // Only the phrase's head names the speaker: "Israeli officials" are not Israel.
        if (m.start >= part.start && m.end === part.end) found = m.entity;
      }
      return found;
    };
    // "the Front's spokesman, Arvid Solenne": a title first, the name in the appositive.
    return headOf(span) ?? (span === whole ? null : headOf({ start: skipSpace(text, comma + 1), end: whole.end }));
  };
}

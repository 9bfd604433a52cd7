// The entities stage: named entities of the article with their titles, and the pronouns and
// descriptions that refer back to them. Finders propose mentions (the tagger, the gazetteer, defined
// acronyms, known given names), refiners cut them to the name, drop what is no entity or overlaps and join the pieces of one name, grouping makes
// one entity of every name variant, a sweep finds the further mentions of those names, and the
// type refiner, the title finder and the reference resolver finish each entity.
import type { Stage } from '../stage.ts';
import type { Entity, Layers } from '../../model/layers.ts';
import type { Doc } from '../../model/doc.ts';
import { loadNerModel, type NerModel } from './ner-model.ts';
import { textSpan, type Span } from '../../model/span.ts';
import type { Candidate } from './mention-candidate.ts';
import { buildWordIndex, wordRange, type WordIndex } from './word-index.ts';
import { findModelMentions } from './mention-finder.ts';
import { findGazetteerMentions } from './gazetteer-finder.ts';
import { findAcronyms } from './acronym-finder.ts';
import { findGivenNames } from './given-name-finder.ts';
import { findRepeatedNames } from './repeated-name-finder.ts';
import { refineMentionBounds } from './mention-bounds.ts';
import { filterNonEntities } from './non-entity-filter.ts';
import { resolveOverlaps } from './overlap-refiner.ts';
import { splitCoordinations } from './coordination-splitter.ts';
import { joinFragments } from './fragment-joiner.ts';
import { canonicalName, groupMentions } from './entity-grouping.ts';
import { sweepMentions } from './mention-sweep.ts';
import { entityTypeOf } from './type-refiner.ts';
import { productLinesOf } from './product-evidence.ts';
import { findTitles } from './title-finder.ts';
import { resolveReferences } from './reference-resolver.ts';

/**
 * The entities stage over the tagger `model` gives: adds `entities` (ids e1, e2, … in order of
 * first mention) and `references` (pronouns and descriptions resolved to them). The model is asked
 * for on each run, so that the committed one loads only when a document is analysed; evaluation
 * builds the stage over fold models that never saw the text they score.
 */
export function createEntityStage(model: () => NerModel): Stage {
  return {
    name: 'entities',
    requires: ['sentences', 'tokens'],
    adds: ['entities', 'references'],
    run: (doc) => runEntityStage(doc, model()),
  };
}

/** The pipeline's entities stage, over the committed model. */
export const entityStage: Stage = createEntityStage(loadNerModel);

function runEntityStage(doc: Doc, model: NerModel): Partial<Layers> {
  const sentences = doc.layers.sentences ?? [];
  const tokens = doc.layers.tokens ?? [];
  const index = buildWordIndex(doc.text, tokens, sentences);
  // The wire agency in the dateline ("(AP)") names the outlet, not someone in the story.
  const { dateline } = doc.meta;
  const agency = dateline?.agency ? agencySpan(doc.text, dateline, dateline.agency) : null;
  const entities = findEntities(model, index, tokens, agency ? [agency] : []);
  return { entities, references: resolveReferences(index, entities) };
}

/** Where the agency code stands inside the dateline span, or null. */
function agencySpan(text: string, dateline: Span, agency: string): Span | null {
  const at = text.slice(dateline.start, dateline.end).lastIndexOf(agency);
  return at < 0 ? null : { start: dateline.start + at, end: dateline.start + at + agency.length };
}

/** The entities of an indexed text; no mention overlaps an `excluded` span. */
export function findEntities(model: NerModel, index: WordIndex, tokens: readonly Span[], excluded: readonly Span[] = []): Entity[] {
  const { text } = index;
  const outside = (c: Span) => !excluded.some((x) => c.start < x.end && x.start < c.end);
  const proposed: Candidate[] = [
    ...findModelMentions(model, text, tokens, index.sentences),
    ...findGazetteerMentions(index),
    ...findAcronyms(index),
    ...findGivenNames(index),
    ...findRepeatedNames(index),
  ];
  const mentions = joinFragments(text, resolveOverlaps(text, filterNonEntities(index, splitCoordinations(text, refineMentionBounds(index, proposed.filter(outside))))));
  const groups = groupMentions(text, mentions);
  const swept = filterNonEntities(index, sweepMentions(index, groups)).filter(outside);
  for (const m of swept) groups[m.group]!.push(m);
  // The sweep can find the pieces of a name next to each other ("Apple" | "Computer"): join them again.
  for (let k = 0; k < groups.length; k++) groups[k] = joinFragments(text, groups[k]!.sort((a, b) => a.start - b.start));
  groups.sort((a, b) => a[0]!.start - b[0]!.start);

  // Titles are read for the mentions the tagger took for people, so that "Israeli" (NORP) gets none.
  const personWords = new Set<number>();
  for (const m of mentions) {
    if (m.type !== 'PERSON') continue;
    const r = wordRange(index, m);
    if (r) for (let k = r.first; k <= r.last; k++) personWords.add(k);
  }
  // The text's product lines ("iPod", "iTunes"), read once for every entity's type.
  const productLines = productLinesOf(text);
  return groups.map((group, i): Entity => {
    const titles: string[] = [];
    const seen = new Set<string>();
    if (group.some((m) => m.type === 'PERSON')) {
      for (const m of group) {
        const own = wordRange(index, m);
        const isOtherName = (k: number) => personWords.has(k) && (!own || k < own.first || k > own.last);
        for (const t of findTitles(index, m, isOtherName)) {
          const key = t.toLowerCase().replace(/\s+/g, ' ');
          if (!seen.has(key)) {
            seen.add(key);
            titles.push(t.replace(/\s+/g, ' '));
          }
        }
      }
    }
    const name = canonicalName(text, group);
    return {
      id: `e${i + 1}`,
      name,
      type: entityTypeOf(text, name, group, titles.length > 0, productLines),
      titles,
      mentions: group.map((m) => textSpan(text, m.start, m.end)),
    };
  });
}

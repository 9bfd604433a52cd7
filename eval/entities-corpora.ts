// The three named-entity corpora of ../shared/eval read as training texts for our tagger
// (read in place, never copied): GUM (proper-noun-headed mentions; person/place/organization/
// event), CrossNER politics (PER/ORG/LOC/EVENT; MISC, mostly nationalities, left out) and
// MEANTIME (PER/ORG/LOC, only up to each article's `complete_until`).
import { readEvalSet } from './eval-kit.ts';
import type { GoldMention, TrainingText } from '../src/analyze/entities/ner-training.ts';

export interface GumDoc {
  id: string;
  genre: string;
  text: string;
  entities: { start: number; end: number; text: string; type: string; proper: boolean }[];
}
export interface CrossnerDoc {
  id: string;
  text: string;
  entities: { start: number; end: number; text: string; type: string; label: string }[];
}
export interface MeantimeDoc {
  id: string;
  topic: string;
  text: string;
  complete_until: number;
  entities: { start: number; end: number; text: string; type: string }[];
}

const GUM_TYPES: Record<string, GoldMention['type']> = { person: 'PER', place: 'LOC', organization: 'ORG', event: 'EVENT' };
const CROSSNER_TYPES: Record<string, GoldMention['type']> = { PER: 'PER', ORG: 'ORG', LOC: 'LOC', EVENT: 'EVENT' };

/** All three corpora as loaded from the shared folder. */
export function readEntityCorpora() {
  return {
    gum: readEvalSet<GumDoc>('entities-gum.jsonl.gz'),
    crossner: readEvalSet<CrossnerDoc>('entities-crossner-politics.jsonl'),
    meantime: readEvalSet<MeantimeDoc>('entities-meantime.jsonl'),
  };
}

export const gumText = (d: GumDoc): TrainingText => ({
  id: `gum:${d.id}`,
  text: d.text,
  mentions: d.entities.filter((e) => e.proper && GUM_TYPES[e.type]).map((e) => ({ start: e.start, end: e.end, type: GUM_TYPES[e.type]! })),
});

export const crossnerText = (d: CrossnerDoc): TrainingText => ({
  id: `crossner:${d.id}`,
  text: d.text,
  mentions: d.entities.filter((e) => CROSSNER_TYPES[e.type]).map((e) => ({ start: e.start, end: e.end, type: CROSSNER_TYPES[e.type]! })),
});

export const meantimeText = (d: MeantimeDoc): TrainingText => ({
  id: `meantime:${d.id}`,
  text: d.text,
  until: d.complete_until,
  mentions: d.entities.filter((e) => CROSSNER_TYPES[e.type]).map((e) => ({ start: e.start, end: e.end, type: e.type as GoldMention['type'] })),
});

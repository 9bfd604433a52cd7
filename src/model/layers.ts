// The analysis layers of a Doc, one type per layer of ../shared/contract/analysis.md.
// Stages fill them; the record (record.ts) prints them as the contract names them.
import type { Span, TextSpan } from './span.ts';

export type EntityType = 'PERSON' | 'ORG' | 'GPE' | 'LOC' | 'NORP' | 'EVENT' | 'OTHER';

/** One entity of one article: every named mention of it (pronouns excluded), its canonical name and stated titles. */
export interface Entity {
  id: string;
  name: string;
  type: EntityType;
  titles: string[];
  mentions: TextSpan[];
}

/** Reported speech or attribution: `text` is the content only, without quote marks or cue. */
export interface Quote extends TextSpan {
  kind: 'direct' | 'indirect' | 'mixed';
  speaker: (TextSpan & { entity: string | null }) | null;
  cue: TextSpan | null;
  date: string | null;
}

/** A time expression with its TIMEX3-style type and value. */
export interface TimeExpression extends TextSpan {
  type: 'DATE' | 'TIME' | 'DURATION' | 'SET';
  value: string | null;
}

/** A figure: a number with its hedge as an interval, unit, what it counts, claimant and as-of date. */
export interface Figure extends TextSpan {
  low: number | null;
  high: number | null;
  hedge: string | null;
  unit: string | null;
  counts: string | null;
  claimant: { entity: string | null; text: string } | null;
  asOf: string | null;
}

export type EventType =
  | 'MEET' | 'NEGOTIATE' | 'STATEMENT' | 'RELEASE' | 'ATTACK' | 'KILL' | 'ARREST_WARRANT'
  | 'LEGAL_CASE' | 'APPOINT' | 'TRAVEL' | 'CEASEFIRE' | 'PROPOSAL' | 'OTHER';

/**
 * Where a reported event comes from: the statement (its index in the quotes layer) whose content
 * holds the event's trigger, and that statement's speaker entity (null when the speaker is unnamed,
 * as "Israeli media").
 */
export interface EventSource {
  quote: number;
  speaker: string | null;
}

/** Something that happened, is going on, is planned, possible or denied. */
export interface NewsEvent {
  type: EventType;
  trigger: TextSpan;
  participants: { entity: string; role: 'agent' | 'patient' | 'mediator' | 'with' }[];
  place: { entity: string } | null;
  time: string | null;
  status: 'happened' | 'ongoing' | 'planned' | 'possible' | 'denied' | 'unknown';
  /** The statement that reports the event ("Witkoff “will meet …,” Leavitt told reporters"); null when the article tells it in its own voice. Not in the contract's list of fields, which allows more. */
  source: EventSource | null;
}

/**
 * A pronoun or nominal reference ("she", "the spokeswoman", "the group") resolved to an entity of
 * the article. Internal to the pipeline (quotes and events read it); the contract lists no
 * pronouns among an entity's mentions, so the record does not print this layer.
 */
export interface EntityReference extends TextSpan {
  entity: string;
  kind: 'pronoun' | 'nominal';
}

/** Every analysis layer a stage can add. A layer not yet computed is absent. `tokens` and `references` are internal: the record does not print them. */
export interface Layers {
  tokens?: Span[];
  references?: EntityReference[];
  sentences?: Span[];
  entities?: Entity[];
  quotes?: Quote[];
  times?: TimeExpression[];
  figures?: Figure[];
  events?: NewsEvent[];
}

export type LayerName = keyof Layers;

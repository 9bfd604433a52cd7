// The events stage's record of a trigger between finding and resolving it.
import type { EventType } from '../../model/layers.ts';
import type { TriggerForm } from './event-lexicon.ts';

/** A trigger found in the text: words `[first, last]` of the word index. */
export interface TriggerCandidate {
  type: EventType;
  first: number;
  last: number;
  /** The last word of the phrase the trigger heads, where what follows it is read: past a coordinated noun of the same type ("talks and discussions"). */
  reach: number;
  /** Verb form, or 'noun'. */
  form: TriggerForm;
  /** The lemma or noun form that names the trigger's filters and person nouns. */
  lemma: string;
  sentence: number;
}

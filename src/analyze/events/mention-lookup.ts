// Lookup of the entity mentions an event's participants and places are read from: every named
// mention of the entities layer and every pronoun or description the references layer resolves
// ("she" -> Karoline Leavitt, "the militant group" -> Hamas), by the word they end on and by range,
// so that no resolver scans the article's mentions.
import type { Entity, EntityReference, EntityType } from '../../model/layers.ts';
import { firstAtLeast } from '../../model/span.ts';
import type { WordIndex } from '../entities/word-index.ts';

/** One mention of an entity: a name, or a resolved pronoun or nominal reference. */
export interface MentionRef {
  start: number;
  end: number;
  entity: string;
  type: EntityType;
  named: boolean;
}

/** The mentions of one document, looked up by word or by range. */
export interface MentionLookup {
  /** The longest mention ending exactly where word `k` ends, or null. */
  endingAt(k: number): MentionRef | null;
  /** The mentions lying wholly inside `[start, end)`, in text order. */
  inside(start: number, end: number): MentionRef[];
  /** Whether some named mention overlaps `[start, end)`. */
  overlapsName(start: number, end: number): boolean;
}

/** Builds the lookup from the entities and references layers. */
export function buildMentionLookup(index: WordIndex, entities: readonly Entity[], references: readonly EntityReference[]): MentionLookup {
  const types = new Map(entities.map((e) => [e.id, e.type]));
  const all: MentionRef[] = [];
  for (const e of entities) for (const m of e.mentions) all.push({ start: m.start, end: m.end, entity: e.id, type: e.type, named: true });
  for (const r of references) {
    const type = types.get(r.entity);
    if (type) all.push({ start: r.start, end: r.end, entity: r.entity, type, named: false });
  }
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const byEnd = new Map<number, MentionRef>();
  for (const m of all) {
    const known = byEnd.get(m.end);
    if (!known || m.start < known.start) byEnd.set(m.end, m);
  }
  const names = all.filter((m) => m.named);
  const maxNameLength = names.reduce((n, m) => Math.max(n, m.end - m.start), 0);
  return {
    endingAt: (k) => {
      const w = index.words[k];
      return w ? (byEnd.get(w.end) ?? null) : null;
    },
    inside(start, end) {
      const out: MentionRef[] = [];
      for (let i = firstAtLeast(all, (m) => m.start, start); i < all.length && all[i]!.start < end; i++) if (all[i]!.end <= end) out.push(all[i]!);
      return out;
    },
    overlapsName(start, end) {
      // A name starting up to its longest length before `start` may still reach into the range.
      for (let i = firstAtLeast(names, (m) => m.start, start - maxNameLength); i < names.length && names[i]!.start < end; i++) if (names[i]!.end > start) return true;
      return false;
    },
  };
}

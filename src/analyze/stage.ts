// A pipeline stage: a pure function from a Doc to the layers it adds, with what it needs
// declared up front (as spaCy's components declare `requires` and `assigns`).
import type { Doc } from '../model/doc.ts';
import type { LayerName, Layers } from '../model/layers.ts';

/** A pure analysis step. `run` must not change the Doc it is given and may read only `requires`. */
export interface Stage {
  name: string;
  requires: readonly LayerName[];
  adds: readonly LayerName[];
  run(doc: Doc): Partial<Layers>;
}

// Counting independent sources: five outlets running one wire story are one source, not five.
// Articles joined by duplicate links, copies and versions alike, form one group: a version is the
// same article edited (an update, a re-run with a new headline or a trimmed ending), so it adds no
// independent account either. Groups are closed over every link given, including links through
// articles outside the set: two articles that each copy a third one copy each other.

/** A duplicate link between two articles, in either direction. */
export interface DuplicatePair {
  a: string;
  b: string;
}

/** The articles of `ids` grouped so that duplicates share a group, and how many groups (independent sources) there are. */
export interface IndependentSources {
  count: number;
  /** Each group's ids in the order of `ids`; groups ordered by their first member. */
  groups: string[][];
}

/** Independent sources among `ids`, given the duplicate links known (duplicate ids counted once). */
export function independentSources(ids: readonly string[], links: readonly DuplicatePair[]): IndependentSources {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.has(root)) root = parent.get(root)!;
    // Path compression: later finds are one step.
    while (x !== root) {
      const next = parent.get(x)!;
      parent.set(x, root);
      x = next;
    }
    return root;
  };
  for (const { a, b } of links) {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  }
  const groups = new Map<string, string[]>();
  for (const id of new Set(ids)) {
    const root = find(id);
    const group = groups.get(root);
    if (group) group.push(id);
    else groups.set(root, [id]);
  }
  return { count: groups.size, groups: [...groups.values()] };
}

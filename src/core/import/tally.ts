/**
 * Counts the values seen for each id (the descriptions of a product, the countries of a
 * customer), to pick the most frequent one and to notice ids that disagree with themselves.
 * An id rarely has more than a few values, so they sit in short arrays.
 */
interface Seen {
  values: string[];
  counts: number[];
}

export class ValueTally {
  private readonly byId = new Map<string, Seen>();
  /** The id of the previous call: the lines of one customer often follow each other. */
  private lastId: string | null = null;
  private lastSeen: Seen | null = null;

  /** Records a value for an id; a null value only makes the id known. */
  add(id: string, value: string | null): void {
    let seen = id === this.lastId ? this.lastSeen : this.byId.get(id);
    if (!seen) {
      seen = { values: [], counts: [] };
      this.byId.set(id, seen);
    }
    this.lastId = id;
    this.lastSeen = seen;
    if (value === null) return;
    const at = seen.values.indexOf(value);
    if (at === -1) {
      seen.values.push(value);
      seen.counts.push(1);
    } else {
      seen.counts[at]++;
    }
  }

  ids(): IterableIterator<string> {
    return this.byId.keys();
  }

  valuesOf(id: string): readonly string[] {
    return this.byId.get(id)?.values ?? [];
  }

  /** Counts the values of `from` as values of `into`, and forgets `from`. */
  moveInto(from: string, into: string): void {
    const moved = this.byId.get(from);
    if (!moved) return;
    this.byId.delete(from);
    this.add(into, null);
    const seen = this.lastSeen!;
    moved.values.forEach((value, i) => {
      const at = seen.values.indexOf(value);
      if (at === -1) {
        seen.values.push(value);
        seen.counts.push(moved.counts[i]);
      } else {
        seen.counts[at] += moved.counts[i];
      }
    });
  }

  /** Ids seen with more than one different value. */
  conflicts(): number {
    let n = 0;
    for (const seen of this.byId.values()) if (seen.values.length > 1) n++;
    return n;
  }

  /** Each id with its most frequent value (the first seen wins a tie) and the other values with counts. */
  *entries(): Generator<{ id: string; value: string | null; others: Record<string, number> | null }> {
    for (const [id, { values, counts }] of this.byId) {
      let best = -1;
      for (let i = 0; i < values.length; i++) if (best === -1 || counts[i] > counts[best]) best = i;
      let others: Record<string, number> | null = null;
      for (let i = 0; i < values.length; i++) if (i !== best) (others ??= {})[values[i]] = counts[i];
      yield { id, value: best === -1 ? null : values[best], others };
    }
  }
}

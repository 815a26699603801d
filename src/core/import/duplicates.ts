/**
 * Finds rows that are exact copies of an earlier row without keeping the rows: each row is
 * remembered by a 63-bit hash in a flat open-addressing table (a million rows take 16 MB), so a
 * false "copy" among a million rows has a chance of about one in ten million.
 */
export class DuplicateFinder {
  private high = new Int32Array(1 << 16);
  private low = new Int32Array(1 << 16);
  private size = 0;

  /** Whether these cells were seen before; remembers them either way. */
  isCopy(cells: readonly string[]): boolean {
    const [high, low] = hashStrings(cells);
    // Zero marks an empty slot, so the low half is never zero.
    return this.add(high, low | 1);
  }

  private add(high: number, low: number): boolean {
    const mask = this.high.length - 1;
    let slot = (high ^ low) & mask;
    while (this.low[slot] !== 0) {
      if (this.high[slot] === high && this.low[slot] === low) return true;
      slot = (slot + 1) & mask;
    }
    this.high[slot] = high;
    this.low[slot] = low;
    if (++this.size * 2 > this.high.length) this.grow();
    return false;
  }

  private grow(): void {
    const { high, low } = this;
    this.high = new Int32Array(high.length * 2);
    this.low = new Int32Array(low.length * 2);
    this.size = 0;
    for (let i = 0; i < high.length; i++) if (low[i] !== 0) this.add(high[i], low[i]);
  }
}

/** Two 32-bit hashes of a list of strings in one pass (the two lanes of cyrb53). */
function hashStrings(parts: readonly string[]): [number, number] {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      const code = part.charCodeAt(i);
      h1 = Math.imul(h1 ^ code, 2654435761);
      h2 = Math.imul(h2 ^ code, 1597334677);
    }
    // A separator between parts, so ["ab", "c"] and ["a", "bc"] differ.
    h1 = Math.imul(h1 ^ 0x1f, 2654435761);
    h2 = Math.imul(h2 ^ 0x1f, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 | 0, h2 | 0];
}

/** A 53-bit number that stands for a text, to compare texts without keeping them. */
export function fingerprint(text: string): number {
  const [high, low] = hashStrings([text]);
  return (high & 0x1fffff) * 4294967296 + (low >>> 0);
}

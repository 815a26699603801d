/**
 * Product codes that differ only in letter case or surrounding spaces (84997c and 84997C) are one
 * product written two ways when they also share a name. Which spellings go together, and which
 * spelling they keep, is decided here from what is known of each spelling.
 */

export interface CodeSpelling {
  code: string;
  /** The names (descriptions) written with this code. */
  names: readonly string[];
  /** Lines that use this spelling. */
  lines: number;
  /** Already in the workspace from an earlier import: it keeps its spelling, as earlier imports are not rewritten. */
  existing: boolean;
}

export interface CodeCasePlan {
  /** Spellings of this import → the code they are merged into. */
  merged: Map<string, string>;
  /** Groups of spellings that differ only in case but do not share a name, so stay apart. */
  keptApart: string[][];
}

export const codeKey = (code: string) => code.trim().toLowerCase();
export const nameKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** Groups the spellings by code key and merges, in each group, those that share a name with the kept spelling. */
export function planCodeCase(spellings: readonly CodeSpelling[]): CodeCasePlan {
  const groups = new Map<string, CodeSpelling[]>();
  for (const spelling of spellings) {
    const key = codeKey(spelling.code);
    const group = groups.get(key);
    if (group) group.push(spelling);
    else groups.set(key, [spelling]);
  }
  const plan: CodeCasePlan = { merged: new Map(), keptApart: [] };
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    // An existing spelling first, then the most used one; the first one seen wins a tie.
    const ranked = [...group].sort((a, b) => Number(b.existing) - Number(a.existing) || b.lines - a.lines);
    const [kept, ...others] = ranked;
    const names = new Set(kept.names.map(nameKey));
    const apart: string[] = [];
    for (const other of others) {
      const otherNames = other.names.map(nameKey);
      if (!other.existing && otherNames.some((name) => names.has(name))) {
        plan.merged.set(other.code, kept.code);
        for (const name of otherNames) names.add(name);
      } else if (!other.existing) {
        apart.push(other.code);
      }
    }
    if (apart.length > 0) plan.keptApart.push([kept.code, ...apart]);
  }
  return plan;
}

/** Groups of spellings of one code, as they would be merged, without merging them (when the user keeps them apart). */
export function caseVariantGroups(spellings: readonly CodeSpelling[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const { code } of spellings) {
    const key = codeKey(code);
    groups.set(key, [...(groups.get(key) ?? []), code]);
  }
  return [...groups.values()].filter((group) => group.length > 1);
}

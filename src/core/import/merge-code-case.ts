import { queryAll, type Database } from '../store/sqlite';
import { caseVariantGroups, codeKey, planCodeCase, type CodeCasePlan, type CodeSpelling } from './code-case';
import type { ValueTally } from './tally';
import type { WarningTally } from './warnings';
import { z } from 'zod';
import { readStoredJson } from '../store/stored-json';

// A product's extra columns, as JSON; read back from a file from elsewhere, anything else counts as no other names.
const otherNamesSchema = z.looseObject({ other_names: z.record(z.string(), z.number()).optional() });

/**
 * Merges the product codes of one import's lines that differ only in letter case or surrounding
 * spaces and share a name (see code-case.ts), also with products earlier imports wrote: the lines
 * of this import take the kept spelling, and the names of the merged spellings count for it.
 * Only this import's rows change, so undoing the import undoes the merge. Returns merged → kept.
 */

const SHOWN = 12;

export function mergeCodeCase(
  db: Database,
  importId: number,
  names: ValueTally,
  merge: boolean,
  warnings: WarningTally,
): Map<string, string> {
  const spellings = caseSpellings(db, names);
  if (spellings.length === 0) return new Map();
  if (!merge) {
    const groups = caseVariantGroups(spellings);
    warnings.add('code_case_kept', undefined, spellings.length);
    warnings.detail('code_case_kept', shown(groups.map((group) => group.join(' / '))));
    return new Map();
  }

  const plan = planCodeCase(spellings);
  for (const [from, into] of plan.merged) {
    db.run('UPDATE order_lines SET product_id = ? WHERE product_id = ? AND import_id = ?', [into, from, importId]);
    names.moveInto(from, into);
  }
  reportCodeCase(warnings, plan);
  return plan.merged;
}

/** The merges and the spellings kept apart, in the import's report. */
export function reportCodeCase(warnings: WarningTally, { merged, keptApart }: CodeCasePlan): void {
  if (merged.size > 0) {
    const kept = new Set(merged.values());
    warnings.add('code_case_merged', undefined, merged.size + kept.size);
    const examples = shown([...merged].map(([from, into]) => `${from} → ${into}`));
    const products = kept.size === 1 ? '1 product' : `${kept.size.toLocaleString('en')} products`;
    warnings.detail('code_case_merged', `${products} (${examples})`);
  }
  if (keptApart.length > 0) {
    warnings.add('code_case_other_name', undefined, keptApart.flat().length);
    warnings.detail('code_case_other_name', shown(keptApart.map((group) => group.join(' / '))));
  }
}

/** Every spelling, new or already in the workspace, whose code another spelling writes differently. */
function caseSpellings(db: Database, names: ValueTally): CodeSpelling[] {
  const byKey = new Map<string, Set<string>>();
  const add = (code: string) => {
    const key = codeKey(code);
    const codes = byKey.get(key);
    if (codes) codes.add(code);
    else byKey.set(key, new Set([code]));
  };
  for (const code of names.ids()) add(code);
  const existing = new Map<string, string[]>();
  for (const row of queryAll<{ product_id: string; name: string | null; extra: string | null }>(
    db,
    'SELECT product_id, name, extra FROM products',
  )) {
    if (!byKey.has(codeKey(row.product_id))) continue;
    existing.set(row.product_id, [...(row.name ? [row.name] : []), ...otherNames(row.extra)]);
    add(row.product_id);
  }
  const codes = [...byKey.values()].filter((group) => group.size > 1).flatMap((group) => [...group]);
  // Groups written only by earlier imports are left as they are.
  const touched = codes.filter((code) => [...byKey.get(codeKey(code))!].some((c) => !existing.has(c)));
  if (touched.length === 0) return [];
  const lines = new Map(
    queryAll<{ product_id: string; n: number }>(
      db,
      `SELECT product_id, count(*) AS n FROM order_lines WHERE product_id IN (${touched.map(() => '?').join(',')}) GROUP BY product_id`,
      touched,
    ).map((row) => [row.product_id, row.n]),
  );
  return touched.map((code) => ({
    code,
    names: [...names.valuesOf(code), ...(existing.get(code) ?? [])],
    lines: lines.get(code) ?? 0,
    existing: existing.has(code),
  }));
}

export function otherNames(extra: string | null): string[] {
  if (!extra) return [];
  const parsed = readStoredJson(extra, otherNamesSchema);
  return Object.keys(parsed?.other_names ?? {});
}

const shown = (items: string[]) => (items.length > SHOWN ? `${items.slice(0, SHOWN).join(', ')}, …` : items.join(', '));

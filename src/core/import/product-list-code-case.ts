import { queryAll, type Database } from '../store/sqlite';
import { codeKey, nameKey, type CodeCasePlan } from './code-case';
import { otherNames, reportCodeCase } from './merge-code-case';
import type { WarningTally } from './warnings';

/**
 * A product list that writes a code in another letter case than a product already in the
 * workspace (or earlier in the list), under the same name, describes that product: its row goes
 * to the spelling already there. Under another name it stays a product of its own, with a note.
 */
export class ProductListSpellings {
  /** Code key → the spellings known, each with its names. */
  private readonly known = new Map<string, { code: string; names: Set<string> }[]>();
  private readonly plan: CodeCasePlan = { merged: new Map(), keptApart: [] };

  constructor(db: Database) {
    const rows = queryAll<{ product_id: string; name: string | null; extra: string | null }>(
      db,
      'SELECT product_id, name, extra FROM products',
    );
    for (const row of rows) this.learn(row.product_id, [row.name, ...otherNames(row.extra)]);
  }

  /** The code to write a row of the list under. */
  spellingOf(code: string, name: string | null): string {
    const spellings = this.known.get(codeKey(code));
    if (!spellings || spellings.some((s) => s.code === code)) {
      this.learn(code, [name]);
      return code;
    }
    const same = name === null ? undefined : spellings.find((s) => s.names.has(nameKey(name)));
    if (same) {
      this.plan.merged.set(code, same.code);
      return same.code;
    }
    this.plan.keptApart.push([spellings[0].code, code]);
    this.learn(code, [name]);
    return code;
  }

  report(warnings: WarningTally): void {
    reportCodeCase(warnings, this.plan);
  }

  private learn(code: string, names: (string | null)[]): void {
    const key = codeKey(code);
    const spellings = this.known.get(key) ?? [];
    let spelling = spellings.find((s) => s.code === code);
    if (!spelling) {
      spelling = { code, names: new Set() };
      spellings.push(spelling);
      this.known.set(key, spellings);
    }
    for (const name of names) if (name) spelling.names.add(nameKey(name));
  }
}

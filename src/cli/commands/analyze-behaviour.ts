import type { FamiliesResult } from '../../core/analysis/families';
import type { MomentParams, MomentsResult } from '../../core/analysis/moments';
import type { SequenceParams, SequencesResult } from '../../core/analysis/sequences';
import { count, UsageError, wholeNumber } from '../cli-support';
import { runAnalysis, type Analysis, type OptionValues } from './analysis-flag';

/** `analyze --sequences`, `--families` and `--moments`: what customers bought next, how families fill up, who is in which moment. */

const percent = (fraction: number) => `${Math.round(fraction * 100)} %`;

export const sequencesAnalysis: Analysis = {
  flag: 'sequences',
  options: {
    level: { type: 'string' },
    'min-customers': { type: 'string' },
    limit: { type: 'string' },
    'as-of': { type: 'string' },
  },
  usage: `--sequences: "bought A, later bought B" for customers with two or more orders
  --level L              product (default) or category
  --min-customers N      leave out sequences of fewer customers (default 20)
  --limit N              at most N sequences, most customers first (default 100)
  --as-of DATE           count only orders placed before DATE`,
  prepare(values) {
    const params: SequenceParams = {
      level: level(values.level),
      minCustomers: wholeNumber(text(values['min-customers']), 'min-customers', 20, 1, 1_000_000),
      limit: wholeNumber(text(values.limit), 'limit', 100, 1, 1_000_000),
      ...asOf(values),
    };
    return (engine, io, json) => runAnalysis(engine, 'sequences', params, io, json, shown(json, sequencesTable));
  },
};

export const familiesAnalysis: Analysis = {
  flag: 'families',
  options: { 'min-customers': { type: 'string' }, 'max-sets': { type: 'string' }, 'as-of': { type: 'string' } },
  usage: `--families: how customers fill up each product family, and what they add next
  --min-customers N      leave out ownership sets fewer customers had (default 10)
  --max-sets N           at most N sets per family (default 20)
  --as-of DATE           count only orders placed before DATE`,
  prepare(values) {
    const params = {
      minCustomers: wholeNumber(text(values['min-customers']), 'min-customers', 10, 1, 1_000_000),
      maxSets: wholeNumber(text(values['max-sets']), 'max-sets', 20, 1, 10_000),
      ...asOf(values),
    };
    return (engine, io, json) => runAnalysis(engine, 'families', params, io, json, shown(json, familiesTable));
  },
};

export const momentsAnalysis: Analysis = {
  flag: 'moments',
  options: { 'as-of': { type: 'string' } },
  usage: `--moments: who is in each customer moment (post-purchase, browse, cart abandonment, …)
  --as-of DATE           the instant to look from (default: just after the latest order or event)`,
  prepare(values) {
    const params: MomentParams = asOf(values);
    return (engine, io, json) => runAnalysis(engine, 'moments', params, io, json, shown(json, momentsTable));
  },
};

const shown =
  <T>(json: boolean, table: (result: T) => string) =>
  (result: T) =>
    json ? JSON.stringify(result, null, 2) : table(result);

const text = (value: string | boolean | undefined) => (typeof value === 'string' ? value : undefined);

function level(value: string | boolean | undefined): 'product' | 'category' {
  if (value === undefined || value === 'product') return 'product';
  if (value === 'category') return 'category';
  throw new UsageError(`--level must be product or category; got "${value}".`);
}

function asOf(values: OptionValues): { asOf?: string } {
  const value = text(values['as-of']);
  if (value === undefined) return {};
  if (!/^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?$/.test(value) || Number.isNaN(Date.parse(value.slice(0, 10)))) {
    throw new UsageError(`--as-of must be a date such as 2026-10-31 (or 2026-10-31 18:00); got "${value}".`);
  }
  return { asOf: value };
}

function sequencesTable(result: SequencesResult): string {
  const lines = [result.explanation, `${count(result.repeatCustomers)} customers have two or more orders.`, ''];
  if (result.rows.length === 0) lines.push('No sequence is shared by enough customers; lower --min-customers.');
  for (const row of result.rows) {
    lines.push(
      `${row.from.label} → ${row.to.label}: ${count(row.customers)} customers (${percent(row.share)} of first buyers), median ${row.days.median ?? '–'} days`,
    );
  }
  return lines.join('\n');
}

function familiesTable(result: FamiliesResult): string {
  const lines = [result.explanation, ''];
  if (result.families.length === 0)
    lines.push('No product family has two or more members with buyers; import products with a family column.');
  for (const family of result.families) {
    lines.push(
      `${family.family}: ${count(family.owners)} owners; ${family.ownershipCounts.map((o) => `${count(o.customers)} own ${o.members}`).join(', ')}`,
    );
    for (const set of family.sets) lines.push(`  ${set.explanation}`);
  }
  return lines.join('\n');
}

function momentsTable(result: MomentsResult): string {
  const lines = [result.explanation, ''];
  for (const moment of result.moments) lines.push(`${moment.label}: ${count(moment.count)} — ${moment.explanation}`);
  return lines.join('\n');
}

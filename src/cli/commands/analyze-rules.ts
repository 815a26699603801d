import { MAX_ITEMSET_LENGTH, parameterProblem } from '../../core/analysis/combinations/mine';
import type {
  AssociationRule,
  BasketDefinition,
  CombinationsParameters,
  CombinationsResult,
  ItemLevel,
} from '../../core/analysis/combinations/types';
import { count, UsageError, wholeNumber } from '../cli-support';
import { runAnalysis, type Analysis, type OptionValues } from './analysis-flag';

/** `analyze --rules`: products (or categories) bought together, as association rules. */

const CONVICTION_NOTE =
  'conviction is null where confidence is 1: no basket holds the antecedent without the consequent (infinite conviction).';
const DEFAULT_TOP = 30;

export const rulesAnalysis: Analysis = {
  flag: 'rules',
  options: {
    'min-support': { type: 'string' },
    'min-confidence': { type: 'string' },
    'max-len': { type: 'string' },
    level: { type: 'string' },
    basket: { type: 'string' },
    consequents: { type: 'string' },
    top: { type: 'string' },
  },
  usage: `--rules: products bought together (association rules)
  --min-support S        share of baskets a combination must be in: 0.01 or 1%
  --min-confidence C     share of baskets with the first items that also hold the last: 0.3 or 30%
  --max-len K            largest combination, in items (default 3: pairs and triples)
  --level L              product (default) or category
  --basket B             order (default: one basket per order) or days:N (a customer's orders
                         within N days of the first of them make one basket)
  --consequents one|any  one item after the arrow (default), or any number
  --top N                show the N strongest rules only (default ${DEFAULT_TOP} in the table, all in JSON)`,

  prepare(values) {
    const parameters = parseParameters(values);
    const top = values.top === undefined ? null : wholeNumber(String(values.top), 'top', 0, 1, 1_000_000);
    return async (engine, io, json, openedIn) => {
      const started = performance.now();
      // The engine reports the mining's progress from its first pass on, once the baskets are read.
      let miningStarted: number | null = null;
      const markMining = () => {
        miningStarted ??= performance.now();
      };
      return runAnalysis(
        engine,
        'combinations',
        parameters,
        io,
        json,
        (result, fromCache) => {
          if (!json) return asTable(result, top ?? DEFAULT_TOP);
          const ended = performance.now();
          const mining = miningStarted ?? ended;
          const timing = {
            openSeconds: openedIn,
            basketsSeconds: (mining - started) / 1000,
            miningSeconds: (ended - mining) / 1000,
            fromCache,
          };
          return JSON.stringify(asJson(result, top, timing), null, 2);
        },
        markMining,
      );
    };
  },
};

function parseParameters(values: OptionValues): CombinationsParameters {
  const parameters: CombinationsParameters = {
    level: parseLevel(values.level),
    basket: parseBasket(values.basket),
    minSupport: fraction(values['min-support'], 'min-support'),
    minConfidence: fraction(values['min-confidence'], 'min-confidence'),
    maxLength: wholeNumber(values['max-len'] as string | undefined, 'max-len', 3, 2, MAX_ITEMSET_LENGTH),
    consequents: parseConsequents(values.consequents),
  };
  const problem = parameterProblem(parameters);
  if (problem) throw new UsageError(problem);
  return parameters;
}

/** A share written as a fraction (0.05) or a percentage (5%). */
function fraction(value: string | boolean | undefined, option: string): number {
  if (typeof value !== 'string' || value === '')
    throw new UsageError(`The option --${option} is required (a share such as 0.05 or 5%).`);
  const text = value.trim();
  const percent = text.endsWith('%');
  const number = /^(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(percent ? text.slice(0, -1) : text)
    ? Number(percent ? text.slice(0, -1) : text)
    : NaN;
  const share = percent ? number / 100 : number;
  if (!Number.isFinite(share) || share > 1)
    throw new UsageError(`--${option} must be a share from 0 to 1, such as 0.05 or 5%; got "${value}".`);
  return share;
}

function parseLevel(value: string | boolean | undefined): ItemLevel {
  if (value === undefined || value === 'product') return 'product';
  if (value === 'category') return 'category';
  throw new UsageError(`--level must be product or category; got "${value}".`);
}

function parseBasket(value: string | boolean | undefined): BasketDefinition {
  if (value === undefined || value === 'order') return { kind: 'order' };
  const days = /^days:(\d+)$/.exec(String(value));
  if (days) return { kind: 'days', days: wholeNumber(days[1], 'basket days', 0, 0, 36_500) };
  throw new UsageError(`--basket must be order or days:N (such as days:30); got "${value}".`);
}

function parseConsequents(value: string | boolean | undefined): 'one' | 'any' {
  if (value === undefined || value === 'one') return 'one';
  if (value === 'any') return 'any';
  throw new UsageError(`--consequents must be one or any; got "${value}".`);
}

function asJson(result: CombinationsResult, top: number | null, timing: Record<string, number | boolean>) {
  const rules = top === null ? result.rules : result.rules.slice(0, top);
  return {
    baskets: result.baskets,
    source: result.source,
    parameters: result.parameters,
    minCount: result.minCount,
    itemsets: result.itemsets,
    itemsetsBySize: result.itemsetsBySize,
    rulesFound: result.rules.length,
    rules: rules.map(({ antecedent, consequent, count, support, confidence, lift, leverage, conviction }) => ({
      antecedent,
      consequent,
      count,
      support,
      confidence,
      lift,
      leverage,
      conviction,
    })),
    names: result.names,
    notes: [CONVICTION_NOTE],
    timing,
  };
}

const percent = (share: number) => `${(share * 100).toFixed(share < 0.1 ? 2 : 1)} %`;
const SIZES = ['single items', 'pairs', 'triples'];

function asTable(result: CombinationsResult, top: number): string {
  const p = result.parameters;
  const basket = p.basket.kind === 'order' ? 'one per order' : `a customer's orders within ${p.basket.days} days`;
  const from = result.source === 'order-lines' ? 'order lines' : 'imported baskets';
  const sizes = result.itemsetsBySize.map((n, i) => `${count(n)} ${SIZES[i] ?? `of ${i + 1} items`}`).join(', ');
  const head = [
    `${count(result.baskets)} baskets (${basket}) from the ${from}; items are ${p.level === 'product' ? 'products' : 'categories'}.`,
    `In at least ${percent(p.minSupport)} of baskets (${count(result.minCount)} or more): ${sizes}.`,
  ];
  if (result.rules.length === 0) {
    return [...head, `No combination reaches a confidence of ${percent(p.minConfidence)}. Try lower thresholds.`].join(
      '\n',
    );
  }
  const shown = result.rules.slice(0, top);
  const rows = shown.map((rule) => tableRow(rule));
  const header = [
    'If a basket holds',
    'it also holds',
    'baskets',
    'support',
    'confidence',
    'lift',
    'leverage',
    'conviction',
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    `  ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')}`.trimEnd();
  const named = [...new Set(shown.flatMap((r) => [...r.antecedent, ...r.consequent]))]
    .filter((id) => result.names[id])
    .sort();
  const idWidth = Math.max(0, ...named.map((id) => id.length));
  return [
    ...head,
    `${count(result.rules.length)} rules with a confidence of at least ${percent(p.minConfidence)}${shown.length < result.rules.length ? `; the ${count(shown.length)} with the highest lift` : ''}:`,
    '',
    line(header),
    ...rows.map(line),
    '',
    'Lift above 1: bought together more often than if the items were chosen independently. These are',
    'associations in past baskets, not causes. Conviction ∞: never bought without the second part.',
    ...(named.length ? ['', 'Products:', ...named.map((id) => `  ${id.padEnd(idWidth)}  ${result.names[id]}`)] : []),
  ].join('\n');
}

function tableRow(rule: AssociationRule): string[] {
  return [
    rule.antecedent.join(' + '),
    rule.consequent.join(' + '),
    count(rule.count),
    percent(rule.support),
    percent(rule.confidence),
    rule.lift.toFixed(2),
    rule.leverage.toFixed(4),
    rule.conviction === null ? '∞' : rule.conviction.toFixed(2),
  ];
}

import type { ImportRunOutcome } from '../../shared/engine-api';

/**
 * What would work when the import command refuses a file: the options that settle the question,
 * in the words of the command line. The app asks the same questions in its review step.
 */

type Failure = Extract<ImportRunOutcome, { ok: false }>['failure'];

const KINDS = 'customers, products, orders, order-lines, order-lines-flat, events or baskets';
const MAPPING = 'name the columns in a mapping file with --mapping FILE.json (README: “Column mapping files”)';
/** Order lines without an order number: how they can still form orders. */
export const WITHOUT_ORDER_NUMBER =
  'Without order numbers, each customer’s lines of one day can form an order: use --as order-lines-flat --group-by customer-day (add --group-days N for N days), or in a mapping file use kind order_lines_flat, map customer_id and ordered_at, and set "groupBy": "customer-day".';

export function importAdvice(failure: Failure): string[] {
  switch (failure.kind) {
    case 'choose_date_order':
      return ['Use --date-format dmy (day first) or --date-format mdy (month first).'];
    case 'choose_delimiter':
      return ['Use --delimiter with the separator, e.g. --delimiter ";".'];
    case 'choose_sheet':
      return [`Use --sheet with the sheet's name, e.g. --sheet "${failure.sheets?.[0] ?? 'Sheet1'}".`];
    case 'unknown_kind':
      return [`Say what the file holds with --as KIND (${KINDS}), or ${MAPPING}.`];
    case 'kind_mismatch':
      return [
        `To import it as you chose, ${MAPPING}: a mapping's kind is taken as given.`,
        ...(lacksOrderNumber(failure) ? [WITHOUT_ORDER_NUMBER] : []),
      ];
    case 'no_order_number':
      return [`${capitalise(MAPPING)}.`, WITHOUT_ORDER_NUMBER];
    case 'missing_columns':
      return [`${capitalise(MAPPING)}.`, ...(lacksOrderNumber(failure) ? [WITHOUT_ORDER_NUMBER] : [])];
    case 'bad_mapping':
      return [
        'Check the mapping file against the format in the README (“Column mapping files”), or leave out --mapping.',
      ];
    case 'mode_not_supported':
      return ['Use --mode append or --mode replace.'];
    case 'nothing_imported':
      return ['Add --rejected-out FILE.csv to get every refused row with its row number and reason.'];
    default:
      return [];
  }
}

function lacksOrderNumber(failure: Failure): boolean {
  const mapping = failure.preview?.mapping ?? failure.report?.mapping;
  return !!mapping && mapping.kind.startsWith('order_lines') && mapping.columns.order_id === undefined;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

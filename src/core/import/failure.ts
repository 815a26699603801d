/** Why a whole import could not go ahead. The workspace is left exactly as it was. */
export type ImportFailureCode =
  | 'cannot_read'
  | 'empty'
  | 'not_text'
  | 'not_a_table'
  | 'no_rows'
  | 'unknown_kind'
  | 'kind_mismatch'
  | 'bad_mapping'
  | 'missing_columns'
  /** Order lines without an order number, which grouping by customer and day may stand in for. */
  | 'no_order_number'
  | 'choose_delimiter'
  | 'choose_date_order'
  | 'choose_sheet'
  | 'mode_not_supported'
  | 'nothing_imported'
  | 'cancelled';

export interface ImportFailure {
  code: ImportFailureCode;
  /** One or two plain sentences for the person importing. */
  message: string;
  /** What we saw in the file, when that helps to fix it. */
  detail?: string;
  /** The sheets of a workbook, when the question is which one to import. */
  sheets?: string[];
}

export const importFailure = (code: ImportFailureCode, message: string, detail?: string): ImportFailure =>
  detail === undefined ? { code, message } : { code, message, detail };

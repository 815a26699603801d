/**
 * The part of papaparse that core uses, for tsconfig.core.json: the package's own typings pull
 * in Node's stream types, which core must not see.
 */

export interface ParseConfig<T = unknown> {
  delimiter?: string;
  newline?: string;
  quoteChar?: string;
  preview?: number;
  header?: boolean;
  skipEmptyLines?: boolean | 'greedy';
  transformHeader?: (header: string, index: number) => string;
  /** Never used; ties the config to the row type as papaparse's own typings do. */
  readonly __rows?: T;
}

export interface ParseError {
  type: string;
  code: string;
  message: string;
  row?: number;
}

export interface ParseResult<T> {
  data: T[];
  errors: ParseError[];
  meta: {
    delimiter: string;
    linebreak: string;
    aborted: boolean;
    truncated: boolean;
    cursor: number;
    fields?: string[];
  };
}

export class Parser {
  constructor(config: ParseConfig);
  parse(input: string, baseIndex: number, ignoreLastRow: boolean): ParseResult<unknown>;
}

export function parse<T>(input: string, config?: ParseConfig<T>): ParseResult<T>;

declare const Papa: { parse: typeof parse; Parser: typeof Parser };
export default Papa;

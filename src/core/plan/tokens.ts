import { clipText } from '../util/clip-text';

/**
 * Message tokens: `{name}` or `{name|fallback}`. A token takes the customer's or the offer's value;
 * when that value is missing or empty it takes the fallback. A token whose name is not known, or
 * whose value is missing with no fallback, is reported as unresolved.
 */

export const TOKEN_NAMES = [
  'first_name',
  'last_name',
  'anchor_product',
  'recommended_product',
  'discount',
  'code',
  'expiry',
] as const;
export type TokenName = (typeof TOKEN_NAMES)[number];
export type TokenValues = Partial<Record<TokenName, string | null>>;

export interface UnresolvedToken {
  token: string;
  reason: 'unknown' | 'missing';
}

export interface RenderedText {
  text: string;
  unresolved: UnresolvedToken[];
  /** The text came out longer than RENDERED_TEXT_MAX and was cut there. */
  cut: boolean;
}

/**
 * A name read from the workspace can be far longer than a message holds, and a template may
 * repeat a token hundreds of times: each value is clipped, and so is the text as rendered, so
 * one preview or report can never grow to megabytes.
 */
export const TOKEN_VALUE_MAX = 300;
export const RENDERED_TEXT_MAX = 20_000;

const TOKEN = /\{([a-z_]+)(?:\|([^{}]*))?\}/g;
const known = new Set<string>(TOKEN_NAMES);

export function renderTokens(template: string, values: TokenValues): RenderedText {
  const unresolved: UnresolvedToken[] = [];
  const text = template.replace(TOKEN, (token: string, name: string, fallback: string | undefined) => {
    if (!known.has(name)) {
      unresolved.push({ token, reason: 'unknown' });
      return token;
    }
    const value = values[name as TokenName];
    if (value) return clipText(value, TOKEN_VALUE_MAX);
    if (fallback !== undefined) return fallback;
    unresolved.push({ token, reason: 'missing' });
    return '';
  });
  const cut = text.length > RENDERED_TEXT_MAX;
  return { text: cut ? clipText(text, RENDERED_TEXT_MAX) : text, unresolved, cut };
}

/** The token names a template uses, in order of first use. */
export function tokensIn(template: string): string[] {
  return [...new Set([...template.matchAll(TOKEN)].map((m) => m[1]))];
}

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
}

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
    if (value) return value;
    if (fallback !== undefined) return fallback;
    unresolved.push({ token, reason: 'missing' });
    return '';
  });
  return { text, unresolved };
}

/** The token names a template uses, in order of first use. */
export function tokensIn(template: string): string[] {
  return [...new Set([...template.matchAll(TOKEN)].map((m) => m[1]))];
}

/**
 * Variants of one product: products whose names differ only by colour or size words ("CHILDRENS
 * CUTLERY POLKADOT BLUE" and "… PINK"; "Linen Shirt - Sand / M" and "Linen Shirt - Sand / L"), or
 * whose codes differ only by case ("85123A" and "85123a"). Owning one variant counts as owning the
 * product, and proposals name the product once, not each of its colours.
 */

export interface NamedProduct {
  id: string;
  name: string | null;
}

export interface VariantGroups {
  /** The group a product belongs to, by product id; ids not given to `variantGroups` form their own group. */
  groupOf(id: string): string;
  /** The products of a group, in the order they were given. */
  members(group: string): readonly string[];
}

const COLOURS = new Set(
  (
    'red pink blue green white black ivory cream yellow orange purple lilac violet grey gray silver gold ' +
    'golden brown beige tan turquoise teal navy mint rose lavender aqua coral khaki burgundy magenta cyan ' +
    'charcoal copper bronze natural clear pastel multi multicolour multicolor multicoloured colour colours sky pistachio ' +
    'color colors assorted light dark bright pale sand olive maroon peach fuchsia indigo lime'
  ).split(' '),
);
const SIZES = new Set('xxs xs s m l xl xxl xxxl small medium large mini regular size'.split(' '));
/** "2XL", "500ml", "30cm", "12in": sizes written with a number. */
const MEASURE = /^\d+(?:[.,]\d+)?(?:xl|ml|cl|l|g|kg|oz|lb|cm|mm|m|in|inch|ft)$/;

const isVariantWord = (word: string) => COLOURS.has(word) || SIZES.has(word) || MEASURE.test(word);

/** The name without its colour and size words, in lower case; null when nothing else is left. */
export function baseName(name: string | null): string | null {
  if (name === null) return null;
  const words = name
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
  const kept = words.filter((word) => !isVariantWord(word));
  return kept.length === 0 ? null : kept.join(' ');
}

/** Groups the products into variants of one product, joining by base name and by code case. */
export function variantGroups(products: readonly NamedProduct[]): VariantGroups {
  const parent = new Map<string, string>();
  const root = (id: string): string => {
    let at = id;
    while (parent.get(at) !== at) at = parent.get(at)!;
    parent.set(id, at);
    return at;
  };
  const join = (a: string, b: string) => {
    const [ra, rb] = [root(a), root(b)];
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  };
  const firstBy = new Map<string, string>();
  const joinBy = (key: string, id: string) => {
    const first = firstBy.get(key);
    if (first === undefined) firstBy.set(key, id);
    else join(first, id);
  };
  for (const { id } of products) parent.set(id, id);
  for (const { id, name } of products) {
    joinBy(`code:${id.toLowerCase()}`, id);
    const base = baseName(name);
    if (base !== null) joinBy(`name:${base}`, id);
  }

  const byGroup = new Map<string, string[]>();
  for (const { id } of products) {
    const group = root(id);
    const list = byGroup.get(group);
    if (list) list.push(id);
    else byGroup.set(group, [id]);
  }
  return {
    groupOf: (id) => (parent.has(id) ? root(id) : id),
    members: (group) => byGroup.get(group) ?? [group],
  };
}

/** The first `max` UTF-16 units of a text at most, one fewer if the cut would split a surrogate pair. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

/** A text shown in at most `max` characters, ending in “…” when cut. */
export const clipText = (text: string, max: number): string =>
  text.length <= max ? text : `${cutText(text, max - 1)}…`;

/** The longest name a table cell or a heading shows; the whole name stays a tooltip away. */
export const NAME_SHOWN_MAX = 120;

/** The longest sentence a table cell shows: one that explains its row, with names in it. */
export const SENTENCE_SHOWN_MAX = 600;

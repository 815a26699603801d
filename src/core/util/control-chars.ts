/**
 * Characters in text from elsewhere that change how a file or a terminal lays it out rather than
 * what it says: every kind of line break, and the other control characters.
 */

/** CRLF, LF, a lone CR, vertical tab, form feed, NEL and the Unicode line and paragraph separators. */
export const LINE_BREAKS = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/g;

/** C0 controls other than tab and line feed, DEL, and C1 controls (NEL included: turn it into a line break first). */
const OTHER_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Every line break written as a plain line feed. */
export const unifyLineBreaks = (text: string): string => text.replace(LINE_BREAKS, '\n');

/** The text with every line break as a line feed and every other control character except tab removed. */
export const plainLines = (text: string): string => unifyLineBreaks(text).replace(OTHER_CONTROLS, '');

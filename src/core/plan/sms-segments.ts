/**
 * How many SMS segments a text takes. A text written only in the GSM 03.38 alphabet travels as
 * 7-bit characters: 160 fit one message, 153 each part of a longer one (the rest of each part
 * carries the joining header). Characters of the extension table (such as € and {) take two.
 * Any other character makes the whole text UCS-2: 70 code units in one message, 67 per part.
 * A two-unit character (an escaped extension character, or an emoji's surrogate pair) is never
 * split across parts, as phones do not split them either.
 */

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsSegments {
  encoding: SmsEncoding;
  /** Characters as the reader counts them (an emoji is one). */
  characters: number;
  /** Septets for GSM-7, 16-bit code units for UCS-2. */
  units: number;
  segments: number;
  /** Units one segment holds at this length: 160/153 or 70/67. */
  perSegment: number;
  /** Units still free in the last segment. */
  remaining: number;
}

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '\f^{}\\[~]|€';

const basic = new Set(GSM_BASIC);
const extension = new Set(GSM_EXTENSION);

const LIMITS: Record<SmsEncoding, { single: number; part: number }> = {
  'GSM-7': { single: 160, part: 153 },
  'UCS-2': { single: 70, part: 67 },
};

export function smsEncoding(text: string): SmsEncoding {
  for (const char of text) if (!basic.has(char) && !extension.has(char)) return 'UCS-2';
  return 'GSM-7';
}

export function smsSegments(text: string): SmsSegments {
  const encoding = smsEncoding(text);
  const chars = [...text];
  const widths = chars.map((char) => (encoding === 'GSM-7' ? (extension.has(char) ? 2 : 1) : char.length));
  const units = widths.reduce((sum, w) => sum + w, 0);
  const { single, part } = LIMITS[encoding];
  if (units <= single) {
    return {
      encoding,
      characters: chars.length,
      units,
      segments: units === 0 ? 0 : 1,
      perSegment: single,
      remaining: single - units,
    };
  }
  let segments = 1;
  let used = 0;
  for (const width of widths) {
    if (used + width > part) {
      segments++;
      used = 0;
    }
    used += width;
  }
  return { encoding, characters: chars.length, units, segments, perSegment: part, remaining: part - used };
}

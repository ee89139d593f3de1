/**
 * SMS segment counting as carriers and Twilio do it (3GPP TS 23.038 / 23.040). A message whose
 * every character is in the GSM-7 default alphabet (or its extension table, which costs an escape
 * septet more) is sent as GSM-7: 160 septets in one segment, 153 per segment once concatenated
 * (the user data header takes 7). Any other character switches the whole message to UCS-2: 70
 * UTF-16 units in one segment, 67 per segment concatenated. An escape pair or a surrogate pair is
 * never split across segments, so a long message is packed character by character rather than
 * divided by the per-segment size.
 */

/** The GSM 03.38 default alphabet (the escape code 0x1B left out: it is no character of its own). */
const GSM7_BASIC = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

/** The extension table: each is sent as the escape code and one more septet. */
const GSM7_EXTENDED = '\f^{}\\[~]|€';

const BASIC = new Set(GSM7_BASIC);
const EXTENDED = new Set(GSM7_EXTENDED);

/** Segment sizes per encoding: one segment alone, and each segment of a concatenated message. */
export const SEGMENT_SIZES = { 'GSM-7': { single: 160, concatenated: 153 }, 'UCS-2': { single: 70, concatenated: 67 } } as const;

/** The encoding a message is sent in. */
export type SmsEncoding = keyof typeof SEGMENT_SIZES;

/** How a text is sent as SMS. */
export interface SmsSegmentCount {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the text takes. */
  units: number;
  segments: number;
  /** Characters that forced UCS-2 (the first few, each once), empty for GSM-7. */
  nonGsmCharacters: string[];
}

/** What one character costs in its encoding's units. */
const costOf = (char: string, encoding: SmsEncoding): number => (encoding === 'GSM-7' ? (EXTENDED.has(char) ? 2 : 1) : char.length);

/** Counts the segments `text` takes as one SMS. */
export function countSmsSegments(text: string): SmsSegmentCount {
  // Iterating a string yields code points, so an emoji's surrogate pair stays one character.
  const chars = [...text];
  const nonGsm = [...new Set(chars.filter((c) => !BASIC.has(c) && !EXTENDED.has(c)))];
  const encoding: SmsEncoding = nonGsm.length ? 'UCS-2' : 'GSM-7';
  const costs = chars.map((c) => costOf(c, encoding));
  const units = costs.reduce((a, b) => a + b, 0);
  const size = SEGMENT_SIZES[encoding];
  if (units <= size.single) return { encoding, units, segments: units === 0 ? 0 : 1, nonGsmCharacters: nonGsm.slice(0, 10) };
  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > size.concatenated) {
      segments++;
      used = 0;
    }
    used += cost;
  }
  return { encoding, units, segments, nonGsmCharacters: nonGsm.slice(0, 10) };
}

/**
 * Word matching for goals and drafts: text is compared without case or accents ("Promoción" and
 * "promocion" are the same word), and a keyword is a phrase of one or more words whose last word
 * may end in `*` to match any word it starts ("promo*" matches "promotion" and "promote").
 */

/** Lower case, accents removed, every run of other characters a single space. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}%$]+/gu, ' ')
    .trim();
}

/** The words of a text, normalized. */
export const wordsOf = (text: string): string[] => normalizeText(text).split(' ').filter(Boolean);

/** Whether the keyword phrase occurs in the words (its words in a row). */
export function containsKeyword(words: readonly string[], keyword: string): boolean {
  const parts = keyword.split(' ');
  const last = parts.length - 1;
  const matches = (word: string, part: string, i: number) => (i === last && part.endsWith('*') ? word.startsWith(part.slice(0, -1)) : word === part);
  for (let start = 0; start + parts.length <= words.length; start++) {
    if (parts.every((part, i) => matches(words[start + i]!, part, i))) return true;
  }
  return false;
}

/** The keywords of a list that occur in the words, in the list's order. */
export const keywordsIn = (words: readonly string[], keywords: readonly string[]): string[] => keywords.filter((k) => containsKeyword(words, k));

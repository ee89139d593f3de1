/**
 * Language names (English and native, accents stripped) → ISO 639-1 codes, because
 * `preferences.language` stores codes ("es") while people type "Spanish" or "español".
 */
export const LANGUAGES: ReadonlyMap<string, string> = new Map([
  ['english', 'en'],
  ['spanish', 'es'],
  ['espanol', 'es'],
  ['castellano', 'es'],
  ['french', 'fr'],
  ['francais', 'fr'],
  ['german', 'de'],
  ['deutsch', 'de'],
  ['portuguese', 'pt'],
  ['portugues', 'pt'],
  ['italian', 'it'],
  ['italiano', 'it'],
  ['dutch', 'nl'],
  ['chinese', 'zh'],
  ['mandarin', 'zh'],
  ['japanese', 'ja'],
  ['korean', 'ko'],
  ['arabic', 'ar'],
  ['russian', 'ru'],
  ['hindi', 'hi'],
  ['polish', 'pl'],
  ['turkish', 'tr'],
  ['swedish', 'sv'],
  ['norwegian', 'no'],
  ['danish', 'da'],
  ['finnish', 'fi'],
  ['greek', 'el'],
  ['hebrew', 'he'],
  ['ukrainian', 'uk'],
  ['vietnamese', 'vi'],
  ['thai', 'th'],
  ['indonesian', 'id'],
  ['tagalog', 'tl'],
  ['filipino', 'tl'],
  ['czech', 'cs'],
  ['romanian', 'ro'],
  ['hungarian', 'hu'],
  ['catalan', 'ca'],
  ['bengali', 'bn'],
  ['urdu', 'ur'],
  ['persian', 'fa'],
  ['farsi', 'fa'],
]);

/** The ISO codes above, so "language es" is accepted and "language zz" is not. */
export const LANGUAGE_CODES: ReadonlySet<string> = new Set(LANGUAGES.values());

/** A code as typed ("es", "pt-br") in its stored form ("es", "pt-BR"), or null when unknown. */
export function languageCode(norm: string): string | null {
  const m = /^([a-z]{2})(?:-([a-z]{2}))?$/.exec(norm);
  if (!m?.[1] || !LANGUAGE_CODES.has(m[1])) return null;
  return m[2] ? `${m[1]}-${m[2].toUpperCase()}` : m[1];
}

import { EN } from './en';
import { ES } from './es';
import type { Language, LanguageLibrary } from './types';

export * from './types';
export { FAMILY_KEYWORDS, LANGUAGE_WORDS } from './keywords';

/** The copy library by language: data, so adding a language is adding a file. */
export const LIBRARY: Record<Language, LanguageLibrary> = { en: EN, es: ES };

import { FAMILIES, FAMILY_KEYWORDS, LANGUAGE_WORDS, LANGUAGES, type Family, type Language } from './library';
import { keywordsIn, wordsOf } from './words';

/** The family a goal was matched to, and why. */
export interface FamilyChoice {
  id: Family;
  matchedKeywords: string[];
  reason: string;
}

/** The language copy is written in, and why. */
export interface LanguageChoice {
  code: Language;
  reason: string;
}

/**
 * Picks the goal family whose keywords (in either language) the goal matches most; ties go to the
 * more specific family (the order of FAMILIES). A goal that names no family gets a general
 * announcement, and the answer says so.
 */
export function chooseFamily(goal: string): FamilyChoice {
  const words = wordsOf(goal);
  let best: FamilyChoice | undefined;
  for (const family of FAMILIES) {
    const matched = [...new Set(LANGUAGES.flatMap((language) => keywordsIn(words, FAMILY_KEYWORDS[family][language])))];
    if (matched.length && (!best || matched.length > best.matchedKeywords.length)) {
      best = { id: family, matchedKeywords: matched, reason: `the goal matched ${matched.map((k) => `"${k}"`).join(', ')}` };
    }
  }
  return best ?? { id: 'announcement', matchedKeywords: [], reason: 'no family keyword matched the goal, so a general announcement is suggested' };
}

/**
 * Picks the copy's language: the one asked for; else the language whose words the goal uses more
 * (family keywords and common words); else the most common language of the audience's members;
 * else English.
 */
export function chooseLanguage(goal: string, asked: Language | undefined, audienceLanguage: string | null): LanguageChoice {
  if (asked) return { code: asked, reason: 'asked for in the request' };
  const words = wordsOf(goal);
  const hits = LANGUAGES.map((language) => {
    const familyWords = FAMILIES.flatMap((family) => keywordsIn(words, FAMILY_KEYWORDS[family][language]));
    return { language, found: [...new Set([...familyWords, ...keywordsIn(words, LANGUAGE_WORDS[language])])] };
  }).sort((a, b) => b.found.length - a.found.length);
  const [first, second] = hits;
  if (first && first.found.length > (second?.found.length ?? 0)) {
    return { code: first.language, reason: `the goal's words are ${first.language}: ${first.found.map((k) => `"${k}"`).join(', ')}` };
  }
  const audience = LANGUAGES.find((l) => l === audienceLanguage);
  if (audience) return { code: audience, reason: `most of the audience's members speak ${audience}` };
  return { code: 'en', reason: "the goal's language could not be told and the audience has none, so English" };
}

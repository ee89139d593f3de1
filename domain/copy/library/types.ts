/** The goal families the library has copy for, in the order ties between them are broken. */
export const FAMILIES = ['abandoned_cart', 'win_back', 'welcome', 'reminder', 'promotion', 'announcement'] as const;
/** One of {@link FAMILIES}. */
export type Family = (typeof FAMILIES)[number];

/** The tones a suggestion can take, in the order they are offered. */
export const TONES = ['friendly', 'formal', 'urgent', 'playful'] as const;
/** One of {@link TONES}. */
export type Tone = (typeof TONES)[number];

/** The languages the library is written in. */
export const LANGUAGES = ['en', 'es'] as const;
/** One of {@link LANGUAGES}. */
export type Language = (typeof LANGUAGES)[number];

/**
 * One piece of copy for a family, tone and language. Plain text with two placeholders the composer
 * turns into liquid for the fields the audience really has: `{name}` (the first name) and, in
 * `place`, `{place}` (the city).
 */
export interface CopyEntry {
  /** E-mail subject, 30–60 characters. */
  subject: string;
  /** The opening sentence of an e-mail or WhatsApp message. */
  lead: string;
  /** The sentence that follows it. */
  detail: string;
  /** The call to action (a button's label in e-mail). */
  cta: string;
  /** The whole point in one short sentence, for SMS. */
  short: string;
}

/** What a language needs besides the copy: greetings per tone and the sentences around the copy. */
export interface LanguageFrame {
  /** Greeting per tone; `{name}` is the first name, `fallback` what it says when there is none. */
  greeting: Record<Tone, { text: string; fallback: string }>;
  /** A sentence naming the customer's city (`{place}`), used only when the audience has cities. */
  place: string;
  /** The label of the unsubscribe link in e-mail. */
  unsubscribe: string;
}

/** The copy of one language: its frame and an entry per family and tone. */
export interface LanguageLibrary {
  frame: LanguageFrame;
  copy: Record<Family, Record<Tone, CopyEntry>>;
}

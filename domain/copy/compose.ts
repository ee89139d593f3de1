import { LIBRARY, type Family, type Language, type Tone } from './library';

/** The channels copy is written for. */
export type CopyChannel = 'email' | 'sms' | 'whatsapp';

/** Which personal fields a message may use: the ones filled for most of its audience. */
export interface UsableFields {
  firstName: boolean;
  city: boolean;
}

/** A drafted message: liquid text ready for a campaign. */
export interface Draft {
  subject?: string;
  body: string;
}

/** Text for an HTML attribute or element. */
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A URL as literal text in a liquid template: braces percent-encoded so it cannot open a tag. */
const literalUrl = (url: string) => url.replace(/[{}]/g, (brace) => (brace === '{' ? '%7B' : '%7D'));

/** A liquid string literal (the library's fallbacks contain no quotes; escaping keeps that true for any). */
const liquidString = (text: string) => `"${text.replace(/"/g, '')}"`;

/**
 * Writes the message for a family, tone and language on a channel, using only the fields the
 * audience has: the first name always with a default filter (so a member without one still reads
 * "Hi there"), the city only inside `{% if %}` (so a member without one reads no sentence at all).
 * `url` is where the call to action leads; without it the action is named but not linked.
 */
export function composeDraft(input: { family: Family; tone: Tone; language: Language; channel: CopyChannel; fields: UsableFields; url?: string }): Draft {
  const { frame, copy } = LIBRARY[input.language];
  const entry = copy[input.family][input.tone];
  const greet = frame.greeting[input.tone];
  const name = input.fields.firstName ? `{{ firstName | default: ${liquidString(greet.fallback)} }}` : greet.fallback;
  const greeting = greet.text.replace('{name}', name);
  const place = input.fields.city ? `{% if address.city %} ${frame.place.replace('{place}', '{{ address.city }}')}{% endif %}` : '';
  const url = input.url ? literalUrl(input.url) : undefined;
  switch (input.channel) {
    case 'email': {
      const action = url ? `<a href="${escapeHtml(url)}">${escapeHtml(entry.cta)}</a>` : `<strong>${escapeHtml(entry.cta)}</strong>`;
      const body = [
        `<p>${greeting}</p>`,
        `<p>${escapeHtml(entry.lead)} ${escapeHtml(entry.detail)}${place}</p>`,
        `<p>${action}</p>`,
        `<p><small><a href="{{ unsubscribeUrl }}">${escapeHtml(frame.unsubscribe)}</a></small></p>`,
      ].join('\n');
      return { subject: entry.subject, body };
    }
    case 'sms':
      return { body: `${greeting}\n${entry.short} ${entry.cta}${url ? `: ${url}` : '.'}` };
    case 'whatsapp':
      return { body: `${greeting}\n\n${entry.lead} ${entry.detail}${place}\n\n*${entry.cta}*${url ? ` ${url}` : ''}` };
  }
}

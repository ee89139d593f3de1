import { sampleCustomerRow } from '../../domain/campaigns/preview';
import { runChecks, scoreOf, type CheckId, type CheckResult } from '../../domain/copy/checks';
import type { CopyChannel, Draft } from '../../domain/copy/compose';
import { chooseFamily, chooseLanguage } from '../../domain/copy/goals';
import { renderDraft } from '../../domain/copy/render';

const PRICE = { amount: 0.01, currency: 'USD', source: 'default' as const };

function check(channel: CopyChannel, draft: Draft, window: { sampled: number; outside: number } | null = null) {
  const checks = runChecks(draft, { channel, rendered: renderDraft(draft, sampleCustomerRow(), true), smsPrice: PRICE, window });
  return { checks, score: scoreOf(checks), of: (id: CheckId) => checks.find((c) => c.id === id) as CheckResult };
}

const GOOD_EMAIL: Draft = {
  subject: 'Our summer sale starts today, {{ firstName }}',
  body: '<p>Hi {{ firstName | default: "there" }},</p><p>Everything is 20% lower this week.</p><p><a href="https://shop.example">Shop the sale</a></p><p><a href="{{ unsubscribeUrl }}">Unsubscribe</a></p>',
};

/** Each named check passes and fails on drafts planted to do so; the score is the weighted points. */
describe('message checks', () => {
  it('a good e-mail passes every check and scores 100', () => {
    const { checks, score } = check('email', GOOD_EMAIL);
    expect(checks.map((c) => [c.id, c.status])).toEqual([
      ['subject_length', 'pass'],
      ['spam_words', 'pass'],
      ['call_to_action', 'pass'],
      ['personalisation', 'pass'],
      ['liquid_renders', 'pass'],
      ['unsubscribe_link', 'pass'],
    ]);
    expect(score).toBe(100);
  });

  it('subject length: 30–60 passes on the rendered subject, short warns, missing or very long fails', () => {
    expect(check('email', GOOD_EMAIL).of('subject_length').details).toMatchObject({ length: 'Our summer sale starts today, Ada'.length });
    expect(check('email', { ...GOOD_EMAIL, subject: 'Summer sale today!' }).of('subject_length').status).toBe('fail');
    expect(check('email', { ...GOOD_EMAIL, subject: 'Our summer sale starts' }).of('subject_length').status).toBe('warn');
    expect(check('email', { ...GOOD_EMAIL, subject: '' }).of('subject_length').status).toBe('fail');
    expect(check('email', { ...GOOD_EMAIL, subject: 'x'.repeat(81) }).of('subject_length').status).toBe('fail');
  });

  it('SMS segments: one segment passes with its cost, a UCS-2 draft over 70 units warns and names the character (¡ is GSM-7, ó is not)', () => {
    const one = check('sms', { body: 'Hi {{ firstName }}, our sale is on. Shop now: https://s.example' }).of('sms_segments');
    expect(one).toMatchObject({ status: 'pass', details: { encoding: 'GSM-7', segments: 1, costPerMessage: 0.01, currency: 'USD' } });
    const two = check('sms', { body: `Hola {{ firstName }}, ¡la promoción empezó! Aprovecha ya: ${'a'.repeat(50)}` }).of('sms_segments');
    expect(two).toMatchObject({ status: 'warn', details: { encoding: 'UCS-2', segments: 2, costPerMessage: 0.02, nonGsmCharacters: ['ó'] } });
    expect(check('sms', { body: 'a'.repeat(700) }).of('sms_segments')).toMatchObject({ status: 'fail', details: { segments: 5 } });
  });

  it('spam words: none passes, one warns, two or more (or !!) fail', () => {
    expect(check('email', GOOD_EMAIL).of('spam_words').status).toBe('pass');
    expect(check('email', { ...GOOD_EMAIL, subject: 'A free gift in our summer sale for you today' }).of('spam_words')).toMatchObject({
      status: 'warn',
      details: { found: ['free'] },
    });
    const spammy = check('email', { ...GOOD_EMAIL, body: `${GOOD_EMAIL.body}<p>¡Gratis! Act now!!</p>` }).of('spam_words');
    expect(spammy.status).toBe('fail');
    expect(spammy.details!.found).toEqual(['act now', 'gratis', '!!']);
  });

  it('call to action: an action phrase passes, a bare link warns, neither fails', () => {
    expect(check('sms', { body: 'Hi {{ firstName }}, we updated our privacy policy. https://s.example/p' }).of('call_to_action').status).toBe('warn');
    expect(check('sms', { body: 'Hi {{ firstName }}, we updated our privacy policy.' }).of('call_to_action').status).toBe('fail');
    expect(check('sms', { body: 'Hola {{ firstName }}, visita la tienda.' }).of('call_to_action')).toMatchObject({
      status: 'pass',
      details: { found: ['visita'] },
    });
  });

  it('personalisation: a customer field passes, only campaign variables fail', () => {
    expect(check('sms', { body: 'Hi {{ customer.firstName }}, shop now.' }).of('personalisation')).toMatchObject({
      status: 'pass',
      details: { fields: ['customer.firstName'] },
    });
    expect(check('sms', { body: 'News from {{ campaign.name }}: shop now.' }).of('personalisation').status).toBe('fail');
  });

  it('liquid: a syntax error or an unknown filter fails with its position, an empty field without default warns', () => {
    const broken = check('sms', { body: 'Hi {{ firstName | shout }}, shop now.' });
    expect(broken.of('liquid_renders').status).toBe('fail');
    expect(broken.of('liquid_renders').details!.problems).toEqual([expect.objectContaining({ path: 'body', line: 1 })]);
    expect(check('sms', { body: 'Hi {% if firstName %}, shop now.' }).of('liquid_renders').status).toBe('fail');
    // The sample customer has no city: a bare {{ address.city }} renders empty; with a default or inside an if it does not.
    expect(check('sms', { body: 'Shop now in {{ address.city }}.' }).of('liquid_renders')).toMatchObject({
      status: 'warn',
      details: { emptyVariables: ['address.city'] },
    });
    expect(check('sms', { body: 'Shop now in {{ address.city | default: "town" }}.' }).of('liquid_renders').status).toBe('pass');
    expect(check('sms', { body: 'Shop now{% if address.city %} in {{ address.city }}{% endif %}.' }).of('liquid_renders').status).toBe('pass');
  });

  it('hostile drafts stay cheap: a huge liquid loop hits the render limits, unclosed tags are scanned in linear time', () => {
    const started = Date.now();
    const loop = check('email', { subject: 'Subject long enough to read well, yes', body: '{% for a in (1..100000000) %}x{% endfor %}' }).of('liquid_renders');
    expect(loop.status).toBe('fail');
    expect(JSON.stringify(loop.details)).toMatch(/limit exceeded/);
    for (const body of ['{{a|'.repeat(25_000), '{% if x %}'.repeat(10_000), '{{'.repeat(50_000), `href="${'{%'.repeat(40_000)}`]) {
      expect(check('email', { subject: 'S', body }).score).toBeGreaterThanOrEqual(0);
    }
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('unsubscribe link: {{ unsubscribeUrl }} or an unsubscribe href passes, none fails', () => {
    expect(check('email', { ...GOOD_EMAIL, body: '<p>Shop now</p><a href="https://x.example/unsubscribe?u=1">stop</a>' }).of('unsubscribe_link').status).toBe(
      'pass',
    );
    expect(check('email', { ...GOOD_EMAIL, body: '<p>Hi {{ firstName }}, shop now.</p>' }).of('unsubscribe_link').status).toBe('fail');
  });

  it('WhatsApp window: nobody outside passes, a minority warns, a majority fails, no audience warns', () => {
    const body = 'Hi {{ firstName }}, *Shop the sale*';
    expect(check('whatsapp', { body }, { sampled: 10, outside: 0 }).of('whatsapp_window').status).toBe('pass');
    expect(check('whatsapp', { body }, { sampled: 10, outside: 4 }).of('whatsapp_window')).toMatchObject({ status: 'warn', details: { outsideWindow: 4 } });
    expect(check('whatsapp', { body }, { sampled: 10, outside: 5 }).of('whatsapp_window').status).toBe('fail');
    expect(check('whatsapp', { body }, null).of('whatsapp_window').status).toBe('warn');
    expect(check('whatsapp', { body: `${body} ${'a'.repeat(1100)}` }).of('whatsapp_length').status).toBe('warn');
  });

  it('the score is the earned points over the weights that apply', () => {
    const { checks, score } = check('email', { subject: 'Hi', body: 'We updated our privacy policy.' });
    const earned = checks.reduce((s, c) => s + c.points, 0);
    const weight = checks.reduce((s, c) => s + c.weight, 0);
    expect(score).toBe(Math.round((100 * earned) / weight));
    expect(score).toBeLessThan(50);
  });
});

describe('goal families and languages', () => {
  it.each([
    ['Promote summer sale', 'promotion', 'en'],
    ['Promocionar las rebajas de verano', 'promotion', 'es'],
    ['Recover abandoned carts', 'abandoned_cart', 'en'],
    ['Recordar a los clientes su carrito abandonado', 'abandoned_cart', 'es'],
    ['Win back lapsed customers', 'win_back', 'en'],
    ['Te extrañamos: clientes inactivos', 'win_back', 'es'],
    ['Welcome new signups', 'welcome', 'en'],
    ['Dar la bienvenida a los nuevos clientes', 'welcome', 'es'],
    ['Remind customers their subscription expires', 'reminder', 'en'],
    ['Launch of our new collection', 'announcement', 'en'],
  ])('%s → %s in %s', (goal, family, language) => {
    expect(chooseFamily(goal).id).toBe(family);
    expect(chooseFamily(goal).matchedKeywords.length).toBeGreaterThan(0);
    expect(chooseLanguage(goal, undefined, null).code).toBe(language);
  });

  it('a goal naming no family is a general announcement; an unreadable language falls back to the audience, then English', () => {
    expect(chooseFamily('xyz')).toMatchObject({ id: 'announcement', matchedKeywords: [] });
    expect(chooseLanguage('xyz', undefined, 'es')).toMatchObject({ code: 'es' });
    expect(chooseLanguage('xyz', undefined, null)).toMatchObject({ code: 'en' });
    expect(chooseLanguage('Promote summer sale', 'es', null)).toMatchObject({ code: 'es', reason: 'asked for in the request' });
  });
});

import type { Family, Language } from './types';

/**
 * The words that point a goal at a family, per language, written as `words.ts` matches them
 * (lower case, no accents, a trailing `*` for any word starting so). A goal may mix languages, so
 * every family is matched in both; the language whose words matched decides the copy's language.
 */
export const FAMILY_KEYWORDS: Record<Family, Record<Language, readonly string[]>> = {
  abandoned_cart: {
    en: ['cart*', 'basket*', 'checkout', 'abandon*', 'left behind', 'left in', 'items waiting', 'unfinished order'],
    es: ['carrito*', 'cesta', 'abandonad*', 'pago pendiente', 'compra pendiente', 'dejaste'],
  },
  win_back: {
    en: ['win back', 'winback', 'lapsed', 'inactive', 'miss you', 'missed you', 'come back', 're engage*', 'reengage*', 'churn*', 'dormant', 'reactivat*'],
    es: ['extranamos', 'te extranamos', 'regresa*', 'vuelve', 'volver', 'inactiv*', 'recuperar', 'reactivar'],
  },
  welcome: {
    en: ['welcome*', 'new customer*', 'signup*', 'sign up', 'signed up', 'onboard*', 'joined', 'new member*', 'first purchase'],
    es: ['bienvenid*', 'nuevo cliente', 'nuevos clientes', 'registro', 'registrad*', 'suscrib*', 'primera compra'],
  },
  reminder: {
    en: ['remind*', 'don t forget', 'dont forget', 'appointment*', 'renew*', 'expir*', 'due', 'deadline', 'upcoming'],
    es: ['recordatorio*', 'recuerda*', 'recordar', 'no olvides', 'cita*', 'vence*', 'vencimiento', 'renovar', 'renueva*'],
  },
  promotion: {
    en: ['sale', 'sales', 'discount*', 'promo*', 'offer*', 'deal*', 'coupon*', 'black friday', 'cyber monday', 'clearance', 'save', 'savings'],
    es: ['oferta*', 'descuento*', 'rebaja*', 'promocion*', 'promo', 'cupon*', 'liquidacion', 'ahorra*', 'buen fin', 'hot sale', 'venta*'],
  },
  announcement: {
    en: ['announc*', 'launch*', 'new product*', 'new collection', 'news*', 'introduc*', 'update*', 'event*', 'opening', 'now available'],
    es: [
      'anuncio*',
      'anunciar',
      'lanzamiento*',
      'lanza*',
      'nuevo producto',
      'nueva coleccion',
      'novedad*',
      'noticia*',
      'evento*',
      'apertura',
      'presentamos',
      'disponible',
    ],
  },
};

/**
 * Common words of each language that name no family, so a goal such as "Promote summer sale" or
 * "Promocionar la venta de verano" is read in its language even when its keywords are shared.
 */
export const LANGUAGE_WORDS: Record<Language, readonly string[]> = {
  en: [
    'the',
    'a',
    'an',
    'and',
    'for',
    'to',
    'our',
    'your',
    'with',
    'of',
    'in',
    'on',
    'customers',
    'new',
    'summer',
    'winter',
    'spring',
    'promote',
    'who',
    'their',
    'this',
    'that',
  ],
  es: [
    'el',
    'la',
    'los',
    'las',
    'un',
    'una',
    'y',
    'para',
    'con',
    'de',
    'del',
    'en',
    'nuestros',
    'nuestras',
    'clientes',
    'verano',
    'invierno',
    'primavera',
    'que',
    'su',
    'sus',
    'por',
  ],
};

/**
 * autocannon setupRequest module: every request carries a new customer body with an email and a
 * phone number no other request of the run used, so create endpoints never answer 409.
 * Uniqueness: a counter private to this worker thread (one per autocannon run) plus the run's
 * `context.prefix` (emails) and `context.phoneBase` (phones), both set through `initialContext`.
 * autocannon `require`s this file in its worker thread, so it exports the function itself.
 */
interface Request {
  body?: string;
}

interface Context {
  prefix?: string;
  phoneBase?: number;
}

/** Real US area codes: libphonenumber accepts +1 <area> <2xx–9xx> <xxxx> in each. */
const AREA_CODES = [212, 312, 415, 617, 202, 305, 713, 206, 303, 404];
const PER_AREA = 8_000_000;
const CITIES = ['Berlin', 'Lisbon', 'Austin', 'Osaka', 'Toronto'];
let counter = 0;

/** The n-th unique US number in E.164 (n < 80 million). */
function phoneNumber(n: number): string {
  const area = AREA_CODES[Math.floor(n / PER_AREA) % AREA_CODES.length]!;
  const local = n % PER_AREA;
  return `+1${area}${200 + Math.floor(local / 10_000)}${String(local % 10_000).padStart(4, '0')}`;
}

export = function uniqueCustomer(request: Request, context: Context): Request {
  const n = counter++;
  const prefix = context.prefix ?? 'run';
  return {
    ...request,
    body: JSON.stringify({
      firstName: 'Bench',
      lastName: `Customer ${n}`,
      email: `bench.${prefix}.${n}@example.com`,
      phone: phoneNumber((context.phoneBase ?? 0) + n),
      tags: ['bench', n % 10 === 0 ? 'vip' : 'newsletter'],
      tier: n % 5 === 0 ? 'premium' : 'regular',
      source: 'api',
      address: { city: CITIES[n % CITIES.length], country: 'DE' },
    }),
  };
};

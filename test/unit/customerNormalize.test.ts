import { AppError } from '../../lib/errors';
import { normaliseFields, normalisePhone, splitName } from '../../domain/customers/normalize';

/** The pure normalisation rules customers are stored with: phones, names, emails and tags. */
describe('normalisePhone', () => {
  it.each([
    ['(202) 555-0123', '+12025550123'],
    ['202-555-0123', '+12025550123'],
    ['2025550123', '+12025550123'],
    ['+1 (202) 555-0123', '+12025550123'],
    ['+44 20 7946 0958', '+442079460958'],
  ])('brings %s to E.164 in the default region US', (input, expected) => {
    expect(normalisePhone(input, 'US')).toBe(expected);
  });

  it('reads a number without "+" that is not valid in the region as international (seed 001)', () => {
    expect(normalisePhone('529991234567', 'US')).toBe('+529991234567');
    expect(normalisePhone('+529991234567', 'US')).toBe('+529991234567');
  });

  it('uses the region it is given for national numbers', () => {
    expect(normalisePhone('020 7946 0958', 'GB')).toBe('+442079460958');
    expect(normalisePhone('020 7946 0958', 'US')).toBeUndefined();
  });

  it.each(['12345', '+999 1234', 'not a phone', ''])('returns undefined for %p', (input) => {
    expect(normalisePhone(input, 'US')).toBeUndefined();
  });
});

describe('splitName', () => {
  it('splits the first word from the rest, collapsing whitespace', () => {
    expect(splitName('Ada Lovelace')).toEqual({ firstName: 'Ada', lastName: 'Lovelace' });
    expect(splitName('  Ada   Lovelace  King ')).toEqual({ firstName: 'Ada', lastName: 'Lovelace King' });
  });

  it('gives a single word as the first name and no last name', () => {
    expect(splitName('Cher')).toEqual({ firstName: 'Cher', lastName: null });
  });
});

describe('normaliseFields', () => {
  const problemsOf = (fn: () => unknown): Array<{ path: string; message: string; location: string }> => {
    try {
      fn();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).status).toBe(422);
      expect((err as AppError).code).toBe('validation_failed');
      return (err as AppError).details as Array<{ path: string; message: string; location: string }>;
    }
    throw new Error('expected normaliseFields to throw');
  };

  it('lower-cases the email, formats the phone and de-duplicates tags', () => {
    const out = normaliseFields({ email: 'Ada.King@Example.COM', phone: '(202) 555-0123', tags: ['vip', ' vip ', 'new', 'vip'] }, 'US');
    expect(out).toMatchObject({ email: 'ada.king@example.com', phone: '+12025550123', tags: ['vip', 'new'] });
  });

  it('does not modify its input', () => {
    const input = { email: 'A@B.CO', tags: ['x', 'x'] };
    normaliseFields(input, 'US');
    expect(input).toEqual({ email: 'A@B.CO', tags: ['x', 'x'] });
  });

  it('derives the full name from first and last', () => {
    expect(normaliseFields({ firstName: 'Ada', lastName: 'Lovelace' }, 'US').fullName).toBe('Ada Lovelace');
    expect(normaliseFields({ firstName: 'Ada' }, 'US').fullName).toBe('Ada');
  });

  it('splits a full name into first and last', () => {
    expect(normaliseFields({ fullName: 'Grace Brewster Hopper' }, 'US')).toMatchObject({
      firstName: 'Grace',
      lastName: 'Brewster Hopper',
      fullName: 'Grace Brewster Hopper',
    });
  });

  it('keeps first, last and full names as given when all are sent', () => {
    expect(normaliseFields({ firstName: 'A', lastName: 'B', fullName: 'Someone Else' }, 'US')).toMatchObject({
      firstName: 'A',
      lastName: 'B',
      fullName: 'Someone Else',
    });
  });

  it('derives the full name of a partial update from the stored other half', () => {
    expect(normaliseFields({ lastName: 'Byron' }, 'US', { firstName: 'Ada', lastName: 'Lovelace' }).fullName).toBe('Ada Byron');
    expect(normaliseFields({ firstName: 'Augusta' }, 'US', { firstName: 'Ada', lastName: 'Lovelace' }).fullName).toBe('Augusta Lovelace');
    expect(normaliseFields({ lastName: null, firstName: null }, 'US', { firstName: 'Ada', lastName: 'Lovelace' }).fullName).toBeNull();
  });

  it('normalises and de-duplicates alternative phones', () => {
    expect(normaliseFields({ alternativePhones: ['(202) 555-0123', '+12025550123', '529991234567'] }, 'US').alternativePhones).toEqual([
      '+12025550123',
      '+529991234567',
    ]);
  });

  it('leaves absent fields absent, so a partial update changes only what was sent', () => {
    expect(normaliseFields({ notes: 'hello' }, 'US')).toEqual({ notes: 'hello' });
  });

  it('reports every field that cannot be normalised, by path', () => {
    const problems = problemsOf(() => normaliseFields({ fullName: 'A', phone: '12345', alternativePhones: ['+12025550123', 'nope'] }, 'US'));
    expect(problems.map((p) => p.path).sort()).toEqual(['alternativePhones.1', 'fullName', 'phone']);
    expect(problems.every((p) => p.location === 'body' && p.message.length > 0)).toBe(true);
  });

  it('refuses a full name longer than 100 characters, even when derived', () => {
    const problems = problemsOf(() => normaliseFields({ firstName: 'a'.repeat(60), lastName: 'b'.repeat(60) }, 'US'));
    expect(problems.map((p) => p.path)).toEqual(['fullName']);
  });
});

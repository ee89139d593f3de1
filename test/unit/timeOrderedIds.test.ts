import { uuidv7 } from '../../domain/imports/timeOrderedIds';

/** UUIDv7 ids of imported customers: valid version-7 UUIDs that ascend, with their time in front. */
describe('uuidv7', () => {
  it('makes RFC 9562 version 7 UUIDs carrying the millisecond they were made in', () => {
    const at = Date.UTC(2026, 10, 23, 3, 30);
    const id = uuidv7(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('ascend strictly, also many within one millisecond and when the clock steps back', () => {
    const at = Date.UTC(2030, 0, 1);
    const ids = [
      ...Array.from({ length: 10_000 }, () => uuidv7(at)),
      ...Array.from({ length: 10 }, () => uuidv7(at - 5_000)),
      ...Array.from({ length: 10 }, () => uuidv7()),
    ];
    for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('differ in their random part between ids of the same millisecond and counter', () => {
    const tails = new Set(Array.from({ length: 1000 }, () => uuidv7().slice(19)));
    expect(tails.size).toBe(1000);
  });
});

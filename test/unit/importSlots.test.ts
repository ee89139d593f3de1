import { createImportSlots } from '../../activities/importSlots';

/** The per-worker limit on import chunk loops holding rows at once. */
describe('import slots', () => {
  it('hands out at most `size` slots, and a slot given back (once) can be taken again', () => {
    const slots = createImportSlots(2);
    const a = slots.tryAcquire();
    const b = slots.tryAcquire();
    expect(a).toBeDefined();
    expect(b).toBeDefined();
    expect(slots.tryAcquire()).toBeUndefined();
    expect(slots.busy).toBe(2);
    a!();
    a!();
    expect(slots.busy).toBe(1);
    const c = slots.tryAcquire();
    expect(c).toBeDefined();
    expect(slots.tryAcquire()).toBeUndefined();
    b!();
    c!();
    expect(slots.busy).toBe(0);
  });
});

import { CUSTOMER_COLUMNS, NEW_ROW_DEFAULTS, toCustomer, type CustomerRow } from '../../domain/customers/rows';

/**
 * Prepared customer reads name their columns (CUSTOMER_COLUMNS) instead of `customers.*`; a
 * column toCustomer reads but the list lacks would come back undefined in every detail view.
 */
describe('CUSTOMER_COLUMNS', () => {
  it('is exactly the set of columns toCustomer reads', () => {
    const read = new Set<string>();
    const recording = (row: Record<string, unknown>) =>
      new Proxy(row, {
        get(target, key) {
          if (typeof key === 'string') read.add(key);
          return target[key as string];
        },
      }) as unknown as CustomerRow;
    const base = { ...NEW_ROW_DEFAULTS, id: 'c', created_at: new Date(0), updated_at: new Date(0) };
    // Some columns are read only when another is set (longitude with latitude, the end of the hours with their start).
    toCustomer(recording(base));
    toCustomer(recording({ ...base, address_lat: 38.7, address_lng: -9.1, communication_hours_start: '09:00', communication_hours_end: '17:00' }));
    expect([...read].sort()).toEqual([...CUSTOMER_COLUMNS].sort());
  });

  it('names each column once', () => {
    expect(new Set(CUSTOMER_COLUMNS).size).toBe(CUSTOMER_COLUMNS.length);
  });
});

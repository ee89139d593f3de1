import { NEW_ROW_DEFAULTS, type CustomerRow } from '../customers/rows';

/**
 * A stand-in customer for previews and test sends when no real customer is named, so every
 * common variable renders to something recognisable instead of an empty string. It is a new
 * row's defaults with a name, contacts and a few orders.
 */
export function sampleCustomerRow(): CustomerRow {
  const now = new Date();
  return {
    ...NEW_ROW_DEFAULTS,
    id: '00000000-0000-4000-8000-000000000000',
    tenant_id: '00000000-0000-4000-8000-000000000000',
    first_name: 'Ada',
    last_name: 'Lovelace',
    full_name: 'Ada Lovelace',
    email: 'ada@example.com',
    phone: '+15005550006',
    tags: ['sample'],
    total_orders: 3,
    paid_orders: 3,
    total_spent: 120,
    average_order_value: 40,
    created_by: null,
    updated_by: null,
    created_at: now,
    updated_at: now,
  } as CustomerRow;
}

import type { CustomerRow } from '../customers/rows';

/**
 * A stand-in customer for previews and test sends when no real customer is named, so every
 * common variable renders to something recognisable instead of an empty string.
 */
export function sampleCustomerRow(): CustomerRow {
  const now = new Date();
  return {
    id: '00000000-0000-4000-8000-000000000000', first_name: 'Ada', last_name: 'Lovelace', full_name: 'Ada Lovelace', email: 'ada@example.com',
    phone: '+15005550006', alternative_phones: [], tags: ['sample'], status: 'active', tier: 'regular', source: 'api',
    consent_email: true, consent_sms: true, consent_newsletter: false, custom_fields: {}, is_blocked: false,
    total_orders: 3, paid_orders: 3, total_spent: '120.00', average_order_value: '40.00', created_at: now, updated_at: now,
  };
}

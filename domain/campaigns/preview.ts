import type { CustomerRow } from '../customers/rows';

/**
 * A stand-in customer for previews and test sends when no real customer is named, so every
 * common variable renders to something recognisable instead of an empty string.
 */
export function sampleCustomerRow(): CustomerRow {
  const now = new Date();
  return {
    id: '00000000-0000-4000-8000-000000000000',
    tenant_id: '00000000-0000-4000-8000-000000000000',
    first_name: 'Ada',
    last_name: 'Lovelace',
    full_name: 'Ada Lovelace',
    email: 'ada@example.com',
    phone: '+15005550006',
    alternative_phones: [],
    external_id: null,
    avatar_url: null,
    address_street: null,
    address_city: null,
    address_state: null,
    address_country: null,
    address_postal_code: null,
    address_lat: null,
    address_lng: null,
    tags: ['sample'],
    status: 'active',
    status_reason: null,
    tier: 'regular',
    segment_label: null,
    source: 'api',
    language: null,
    timezone: null,
    consent_email: true,
    consent_sms: true,
    consent_newsletter: false,
    communication_hours_start: null,
    communication_hours_end: null,
    custom_fields: {},
    notes: null,
    is_blocked: false,
    block_reason: null,
    blocked_at: null,
    total_orders: 3,
    paid_orders: 3,
    total_spent: 120,
    average_order_value: 40,
    first_order_at: null,
    last_order_at: null,
    last_interaction_at: null,
    created_by: null,
    updated_by: null,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  };
}

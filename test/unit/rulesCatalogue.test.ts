import { FIELDS, OPERATORS_BY_TYPE, describeFields, fieldByName, fieldsOf } from '../../rules/catalogue';
import { parseRules } from '../../rules/parse';

/** The field catalogue: the fields, types and operators segments offer, and how rows become facts. */

describe('field catalogue', () => {
  it('lists every segmentable field with its type', () => {
    const types = Object.fromEntries(FIELDS.map((f) => [f.name, f.type]));
    expect(types).toEqual({
      firstName: 'string',
      lastName: 'string',
      fullName: 'string',
      email: 'string',
      phone: 'string',
      status: 'enum',
      tier: 'enum',
      segment: 'enum',
      source: 'enum',
      tags: 'tags',
      isBlocked: 'boolean',
      'address.street': 'string',
      'address.city': 'string',
      'address.state': 'string',
      'address.country': 'string',
      'address.postalCode': 'string',
      'preferences.language': 'string',
      'preferences.timezone': 'string',
      'preferences.email': 'boolean',
      'preferences.sms': 'boolean',
      'preferences.newsletter': 'boolean',
      totalOrders: 'number',
      paidOrders: 'number',
      totalSpent: 'number',
      averageOrderValue: 'number',
      firstOrderAt: 'date',
      lastOrderAt: 'date',
      lastInteractionAt: 'date',
      createdAt: 'date',
      openConversations: 'number',
      lastInboundMessageAt: 'date',
      totalComplaints: 'number',
      lastComplaintAt: 'date',
    });
  });

  it('describes the fields as plain JSON for GET /segments/fields', () => {
    const described = describeFields();
    expect(JSON.parse(JSON.stringify(described))).toEqual(described);
    expect(described.find((f) => f.name === 'segment')).toEqual({
      name: 'segment',
      type: 'enum',
      label: 'Segment label',
      operators: ['equal', 'notEqual', 'in', 'notIn', 'exists'],
      values: ['vip', 'regular', 'new', 'inactive'],
    });
    expect(described.find((f) => f.name === 'status')?.operators).toEqual(OPERATORS_BY_TYPE.enum);
    expect(described.find((f) => f.name === 'lastOrderAt')?.operators).toEqual(['before', 'after', 'between', 'withinLastDays', 'notWithinLastDays', 'exists']);
    expect(described.at(-1)).toEqual({
      name: 'customFields.*',
      type: 'string',
      label: 'Custom field',
      operators: OPERATORS_BY_TYPE.string,
      keyPattern: '^[\\w.-]{1,100}$',
    });
  });

  it('reads facts from rows as knex returns them', () => {
    const row = {
      total_spent: '10.50',
      total_orders: 2,
      paid_orders: 1,
      tags: null,
      last_order_at: new Date('2026-01-01T00:00:00.000Z'),
      created_at: '2026-01-02T00:00:00.000Z',
      custom_fields: '{"plan":"pro","n":1}',
      is_blocked: false,
      first_name: 'Ana',
    };
    expect(fieldByName('totalSpent')!.read(row)).toBe(10.5);
    expect(fieldByName('totalOrders')!.read(row)).toBe(2);
    expect(fieldByName('paidOrders')!.read(row)).toBe(1);
    expect(fieldByName('tags')!.read(row)).toEqual([]);
    expect(fieldByName('lastOrderAt')!.read(row)).toBe(Date.parse('2026-01-01T00:00:00.000Z'));
    expect(fieldByName('createdAt')!.read(row)).toBe(Date.parse('2026-01-02T00:00:00.000Z'));
    expect(fieldByName('firstOrderAt')!.read(row)).toBeNull();
    expect(fieldByName('customFields.plan')!.read(row)).toBe('pro');
    expect(fieldByName('customFields.n')!.read(row)).toBeNull();
    expect(fieldByName('customFields.constructor')!.read(row)).toBeNull();
    expect(fieldByName('isBlocked')!.read(row)).toBe(false);
    expect(fieldByName('firstName')!.read(row)).toBe('Ana');
  });

  it('knows custom fields by key and nothing else', () => {
    expect(fieldByName('customFields.a.b-c_1')?.type).toBe('string');
    expect(fieldByName('customFields.')).toBeUndefined();
    expect(fieldByName('customFields.a b')).toBeUndefined();
    expect(fieldByName('address')).toBeUndefined();
    expect(fieldByName('orderCount')).toBeUndefined();
  });

  it('lists the fields a rule reads', () => {
    const rule = parseRules({
      any: [
        { fact: 'tier', operator: 'equal', value: 'vip' },
        {
          not: {
            all: [
              { fact: 'customFields.plan', operator: 'exists', value: null },
              { fact: 'tier', operator: 'in', value: ['vip'] },
            ],
          },
        },
      ],
    });
    expect(fieldsOf(rule)).toEqual(['customFields.plan', 'tier']);
  });
});

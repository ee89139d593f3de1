/**
 * Column mapping: which Herald field a CSV header or JSON key feeds. Headers are compared
 * squashed (lower case, letters and digits only), so "First Name", "first_name" and
 * "firstName" all mean firstName. Explicit mappings in the import's options win.
 */

/** The flat fields an import row is mapped to before validation. */
export const FLAT_FIELDS = [
  'firstName',
  'lastName',
  'fullName',
  'email',
  'phone',
  'alternativePhones',
  'externalId',
  'avatar',
  'street',
  'city',
  'state',
  'country',
  'postalCode',
  'tags',
  'status',
  'tier',
  'segment',
  'source',
  'language',
  'timezone',
  'emailConsent',
  'smsConsent',
  'newsletter',
  'notes',
] as const;
export type FlatField = (typeof FLAT_FIELDS)[number];

/** A row after mapping: flat Herald fields, plus values for customFields. */
export interface MappedRow {
  values: Partial<Record<FlatField, unknown>>;
  custom: Record<string, unknown>;
}

const ALIASES: Record<string, FlatField> = {};
const alias = (field: FlatField, ...names: string[]) => {
  for (const n of [field, ...names]) ALIASES[squash(n)] = field;
};

/** Lower case, letters and digits only: the form headers are compared in. */
export function squash(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

alias('firstName', 'first', 'given name', 'forename');
alias('lastName', 'last', 'surname', 'family name');
alias('fullName', 'name', 'customer name');
alias('email', 'email address', 'e-mail', 'mail');
alias('phone', 'phone number', 'phoneNumber', 'contact number', 'contactNumber', 'mobile', 'mobile phone', 'cell', 'telephone', 'tel', 'whatsapp');
alias('alternativePhones', 'alternative phones', 'other phones');
alias('externalId', 'external id', 'external_id', 'customer id', 'customerId');
alias('avatar', 'avatar url', 'photo');
alias('street', 'address', 'street address', 'address street', 'address_street_1', 'address line 1');
alias('city', 'town', 'address city');
alias('state', 'province', 'region', 'address state');
alias('country', 'address country');
alias('postalCode', 'postal code', 'zip', 'zip code', 'zipCode', 'postcode');
alias('tags', 'labels');
alias('status', 'customer status', 'customerStatus');
alias('tier', 'customer type', 'customerType');
alias('segment', 'segment label', 'segmentLabel');
alias('source', 'lead source');
alias('language', 'locale', 'preferred language');
alias('timezone', 'time zone', 'tz');
alias('emailConsent', 'email consent', 'email notifications', 'emailNotifications', 'email opt in');
alias('smsConsent', 'sms consent', 'sms notifications', 'smsNotifications', 'sms opt in');
alias('newsletter', 'newsletter consent');
alias('notes', 'note', 'comments');

/** What one column feeds: a flat field, a custom field, or nothing. */
export type ColumnTarget = { field: FlatField } | { custom: string } | { ignore: true };

/** Resolves one header: explicit mapping first (exact, then squashed), then the aliases. */
export function targetOf(header: string, mapping: Record<string, string>, unknownToCustom: boolean): ColumnTarget {
  const explicit = mapping[header] ?? Object.entries(mapping).find(([k]) => squash(k) === squash(header))?.[1];
  if (explicit !== undefined) {
    if (explicit === 'ignore') return { ignore: true };
    if (explicit.startsWith('customFields.')) return { custom: explicit.slice('customFields.'.length) };
    const field = ALIASES[squash(explicit)];
    return field ? { field } : { custom: explicit };
  }
  const field = ALIASES[squash(header)];
  if (field) return { field };
  if (squash(header).startsWith('customfields') && header.includes('.')) return { custom: header.slice(header.indexOf('.') + 1) };
  return unknownToCustom ? { custom: header.trim() } : { ignore: true };
}

/** Names a mapping entry does not resolve to a Herald field, so a typo is refused at upload. */
export function unknownMappingTargets(mapping: Record<string, string>): string[] {
  return Object.entries(mapping)
    .filter(([, to]) => to !== 'ignore' && !to.startsWith('customFields.') && !ALIASES[squash(to)])
    .map(([from, to]) => `${from} → ${to}`);
}

/** A CSV column plan: the target of every column, resolved once per import. */
export function planColumns(headers: string[], mapping: Record<string, string>, unknownToCustom: boolean): ColumnTarget[] {
  return headers.map((h) => targetOf(h, mapping, unknownToCustom));
}

/** Maps a CSV row through its plan; empty cells are absent (an import never clears a value). */
export function mapCsvRow(cells: unknown[], plan: ColumnTarget[]): MappedRow {
  const row: MappedRow = { values: {}, custom: {} };
  for (let i = 0; i < plan.length; i++) {
    let cell = cells[i];
    if (cell === undefined || cell === null || cell === '') continue;
    // Herald's own CSV export guards formula-like cells with an apostrophe; a round trip removes it.
    if (typeof cell === 'string' && cell.charCodeAt(0) === 39 && /^'[=+\-@\t\r]/.test(cell)) cell = cell.slice(1);
    const target = plan[i]!;
    if ('field' in target) row.values[target.field] ??= cell;
    else if ('custom' in target) row.custom[target.custom] = cell;
  }
  return row;
}

const NESTED_ADDRESS = new Set(['address', 'location', 'billingaddress']);

/**
 * Maps a JSON object (the API's customer shape with every seed alias, nested address and
 * preferences included) to the same flat form as a CSV row.
 */
export function mapJsonRow(input: Record<string, unknown>, mapping: Record<string, string>, unknownToCustom: boolean): MappedRow {
  const row: MappedRow = { values: {}, custom: {} };
  const put = (key: string, value: unknown) => {
    if (value === undefined || value === null || value === '') return;
    const target = targetOf(key, mapping, unknownToCustom);
    if ('field' in target) row.values[target.field] ??= value;
    else if ('custom' in target) row.custom[target.custom] = value;
  };
  for (const [key, value] of Object.entries(input)) {
    const k = squash(key);
    if (NESTED_ADDRESS.has(k) && value && typeof value === 'object' && !Array.isArray(value)) {
      const a = value as Record<string, unknown>;
      const street = a.street ?? ([a.address_street_1, a.address_street_2].filter(Boolean).join(', ') || undefined);
      for (const [field, v] of Object.entries({ street, city: a.city, state: a.state, country: a.country, postalCode: a.postalCode ?? a.zipCode ?? a.zip })) {
        if (v !== undefined && v !== null && v !== '') row.values[field as FlatField] ??= v;
      }
    } else if (k === 'preferences' && value && typeof value === 'object') {
      const p = value as Record<string, unknown>;
      const pairs: Array<[FlatField, unknown]> = [
        ['language', p.language],
        ['timezone', p.timezone],
        ['newsletter', p.newsletter],
        ['emailConsent', p.email ?? p.emailNotifications ?? (p.channel === 'email' ? true : undefined)],
        ['smsConsent', p.sms ?? p.smsNotifications ?? (p.channel === 'sms' ? true : undefined)],
      ];
      for (const [field, v] of pairs) if (v !== undefined && v !== null) row.values[field] ??= v;
      if (p.frequency) row.custom.preferredFrequency = p.frequency;
      if (p.preferredAgent) row.custom.preferredAgent = p.preferredAgent;
    } else if (k === 'customfields' && value && typeof value === 'object') {
      Object.assign(row.custom, value);
    } else if (k === 'contactname' && typeof value === 'string' && !('contact_name' in mapping)) {
      row.custom.contactName = value;
    } else if (k === 'authentication' || k === 'sendaftercreatedemail') {
      continue;
    } else {
      put(key, value);
    }
  }
  return row;
}

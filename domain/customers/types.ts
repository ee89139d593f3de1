/** Account states; blocked and suspended customers cannot order or be messaged. */
export const STATUSES = ['active', 'inactive', 'blocked', 'suspended'] as const;
/** Customer tiers (seed 002's customerType). */
export const TIERS = ['regular', 'premium', 'vip'] as const;
/** Segment labels (seed 001's segment), set by people or rules. */
export const SEGMENT_LABELS = ['vip', 'regular', 'new', 'inactive'] as const;
/** Where a customer came from. */
export const SOURCES = ['whatsapp', 'sms', 'referral', 'website', 'social_media', 'import', 'api', 'other'] as const;

export type Status = (typeof STATUSES)[number];
export type Tier = (typeof TIERS)[number];
export type SegmentLabel = (typeof SEGMENT_LABELS)[number];
export type Source = (typeof SOURCES)[number];

/** A postal address with optional coordinates. */
export interface Address {
  street?: string | null;
  city?: string | null;
  state?: string | null;
  country?: string | null;
  postalCode?: string | null;
  coordinates?: { latitude: number; longitude: number } | null;
}

/** Channel consent, language, timezone and the hours a customer may be contacted. */
export interface Preferences {
  language?: string | null;
  timezone?: string | null;
  email?: boolean;
  sms?: boolean;
  newsletter?: boolean;
  communicationHours?: { start: string; end: string } | null;
}

/**
 * The editable fields of a customer, already validated by the API. Absent keys are left alone
 * by a partial update; null clears a value.
 */
export interface CustomerFields {
  firstName?: string | null;
  lastName?: string | null;
  fullName?: string | null;
  email?: string | null;
  phone?: string | null;
  alternativePhones?: string[];
  externalId?: string | null;
  avatar?: string | null;
  address?: Address | null;
  tags?: string[];
  status?: Status;
  tier?: Tier;
  segment?: SegmentLabel | null;
  source?: Source;
  preferences?: Preferences;
  customFields?: Record<string, string>;
  notes?: string | null;
}

/** A customer as the API shows it. */
export interface Customer {
  id: string;
  firstName: string | null;
  lastName: string | null;
  fullName: string | null;
  email: string | null;
  phone: string | null;
  alternativePhones: string[];
  externalId: string | null;
  avatar: string | null;
  address: Required<Omit<Address, 'coordinates'>> & { coordinates: { latitude: number; longitude: number } | null };
  tags: string[];
  status: Status;
  statusReason: string | null;
  tier: Tier;
  segment: SegmentLabel | null;
  source: Source;
  preferences: {
    language: string | null;
    timezone: string | null;
    email: boolean;
    sms: boolean;
    newsletter: boolean;
    communicationHours: { start: string; end: string } | null;
  };
  customFields: Record<string, string>;
  notes: string | null;
  isBlocked: boolean;
  blockReason: string | null;
  blockedAt: string | null;
  /** totalOrders: every order (seed 002); paidOrders and the money figures leave out cancelled and refunded orders. */
  statistics: {
    totalOrders: number;
    paidOrders: number;
    totalSpent: number;
    averageOrderValue: number;
    firstOrderAt: string | null;
    lastOrderAt: string | null;
    lastInteractionAt: string | null;
  };
  metadata: { createdBy: string | null; lastModifiedBy: string | null; createdAt: string; lastModifiedAt: string };
  createdAt: string;
  updatedAt: string;
}

/** Filters of the customer list, search and export. */
export interface CustomerFilters {
  status?: Status[];
  tier?: Tier[];
  segment?: SegmentLabel[];
  source?: Source[];
  tags?: string[];
  tagsMatch?: 'any' | 'all';
  city?: string;
  country?: string;
  isBlocked?: boolean;
  search?: string;
  totalSpent?: { gte?: number; lte?: number; gt?: number; lt?: number };
  orderCount?: { gte?: number; lte?: number; gt?: number; lt?: number };
  /** Instants as ISO text (compared by Postgres, microseconds included) or Dates. */
  createdAt?: { gte?: Date | string; lte?: Date | string; gt?: Date | string; lt?: Date | string };
  lastOrderAt?: { gte?: Date | string; lte?: Date | string; gt?: Date | string; lt?: Date | string };
  ids?: string[];
  externalId?: string;
  /** A compiled segment rule over `customers` (the list's segmentId filter). */
  predicate?: { sql: string; bindings: unknown[] };
}

/** Sortable fields of the customer list. */
export const SORT_FIELDS = ['createdAt', 'updatedAt', 'fullName', 'email', 'totalSpent', 'totalOrders', 'lastOrderAt', 'lastInteractionAt'] as const;
export type SortField = (typeof SORT_FIELDS)[number];

/** One entry of a customer's notes log. */
export interface CustomerNote {
  noteId: string;
  content: string;
  addedBy: string | null;
  addedAt: string;
}

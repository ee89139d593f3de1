import type { Knex } from 'knex';
import type { CountryCode } from 'libphonenumber-js';
import type { ConversationQueries } from '../conversations/queries';
import type { SegmentReevaluator } from '../segments/reevaluator';
import type { DefaultLanguageCache } from '../tenants/languageCache';
import { createCustomerAnalytics } from './analytics';
import { createCustomerExtras } from './notes';
import { createCustomerQueries, type OrderReader } from './queries';
import { createCustomerCommands, type OrderEraser } from './service';

/** Everything the customers module offers, bound to its dependencies. */
export function createCustomerService(deps: {
  db: Knex;
  exportDb?: Knex;
  defaultPhoneRegion: CountryCode;
  orders: OrderReader & OrderEraser;
  segments: SegmentReevaluator;
  defaultLanguages: Pick<DefaultLanguageCache, 'defaultLanguageOf'>;
  conversations: ConversationQueries;
}) {
  return {
    ...createCustomerCommands(deps),
    ...createCustomerQueries(deps),
    ...createCustomerAnalytics(deps),
    ...createCustomerExtras(deps),
  };
}

/** The customer service's interface. */
export type CustomerService = ReturnType<typeof createCustomerService>;

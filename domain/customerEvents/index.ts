import { createCustomerEventQueries } from './queries';
import { createCustomerEventService, type CustomerEventDeps } from './service';

/** Everything the customer events module offers (commands and reads), bound to its dependencies. */
export function createCustomerEventModule(deps: CustomerEventDeps) {
  return { ...createCustomerEventService(deps), ...createCustomerEventQueries(deps) };
}

/** The customer events module's interface. */
export type CustomerEventModule = ReturnType<typeof createCustomerEventModule>;

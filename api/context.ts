import type { ParameterizedContext } from 'koa';
import type { Domain } from '../domain';
import type { Principal } from '../domain/tenants/types';
import type { Session } from '../domain/users/types';
import type { Config } from '../lib/config';
import type { Logger } from '../lib/logger';

/** Per-request state set by the middleware chain. */
export interface HeraldState {
  requestId: string;
  log: Logger;
  /** Set by the authenticate middleware when the request carries a valid credential. */
  principal?: Principal;
  /** Set when a credential was sent but not accepted, so routes can say why they answer 401. */
  authFailure?: string;
  /** Set when the principal came from a session cookie: the session and the cookie's token. */
  session?: { session: Session; token: string };
  /** Set when a cookie-authenticated write came without its CSRF token: such a request has no principal. */
  csrfFailure?: boolean;
}

/** App-wide values reachable from every context (`app.context`). */
export interface HeraldCustom {
  domain: Domain;
  config: Config;
}

/** The Koa context every Herald middleware and handler receives. */
export type HeraldContext = ParameterizedContext<HeraldState, HeraldCustom>;

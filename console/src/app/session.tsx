import { HeraldError, type components } from '@herald/sdk';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { api, herald, isSignedOut, setCsrfToken } from '../client/herald';
import { Loading } from '../components/Loading';
import { ErrorAlert } from '../components/ErrorAlert';

/** The signed-in person as `GET /api/v1/auth/me` answers: account, memberships, tenant, role. */
export type Me = components['schemas']['Me']['data'];

/** The query key of the session; invalidating it re-reads `/auth/me` (after sign-in, tenant switch). */
export const SESSION_KEY = ['session'] as const;

/** Reads the session; `null` when nobody is signed in (401/403), so the caller can send them to sign in. */
export async function fetchSession(): Promise<Me | null> {
  try {
    const me = (await herald.call((signal) => api.GET('/api/v1/auth/me', { signal }), { idempotent: true })).data;
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (isSignedOut(error) || (error instanceof HeraldError && error.status === 403)) {
      setCsrfToken(undefined);
      return null;
    }
    throw error;
  }
}

const SessionContext = createContext<Me | null>(null);

/** The signed-in person; only inside {@link RequireSession}. */
export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession outside RequireSession');
  return me;
}

/** True when the signed-in person may change things (admin or member, not readonly). */
export const useCanWrite = (): boolean => useSession().role !== 'readonly';

/** Renders its children for a signed-in person, and sends anyone else to the sign-in page, remembering where they were going. */
export function RequireSession({ children }: { children: ReactNode }) {
  const location = useLocation();
  const session = useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 60_000, retry: false });
  if (session.isPending) return <Loading label="Loading your session" />;
  if (session.isError) return <ErrorAlert error={session.error} />;
  if (!session.data) {
    const next = location.pathname + location.search;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return <SessionContext.Provider value={session.data}>{children}</SessionContext.Provider>;
}

/** Signs out: ends the session on the server and forgets every cached answer. */
export function useSignOut(): () => Promise<void> {
  const client = useQueryClient();
  return async () => {
    await herald.call((signal) => api.POST('/api/v1/auth/logout', { signal })).catch(() => undefined);
    setCsrfToken(undefined);
    client.clear();
    window.location.assign('/console/sign-in');
  };
}

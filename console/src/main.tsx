import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/console.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { HeraldError } from '@herald/sdk';
import { createRouter } from './app/routes';
import { fetchSession, SESSION_KEY } from './app/session';
import { theme } from './app/theme';

/** A lost session (401) anywhere sends the person back to sign in, once. */
const onError = (error: unknown) => {
  if (error instanceof HeraldError && error.status === 401 && !window.location.pathname.startsWith('/console/sign-in')) {
    void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
  }
};

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      staleTime: 5_000,
      refetchOnWindowFocus: false,
      // A 4xx will not change by asking again; network trouble and 5xx get one more try.
      retry: (count, error) => count < 1 && !(error instanceof HeraldError && error.status !== undefined && error.status < 500),
    },
  },
});

// The session is asked for at once, while the router loads the first page's code, instead of after it.
const PUBLIC_PAGES = ['/console/sign-in', '/console/forgot-password', '/console/reset-password', '/console/accept-invitation'];
if (!PUBLIC_PAGES.some((p) => window.location.pathname.startsWith(p))) {
  void queryClient.prefetchQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 60_000 });
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={createRouter()} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);

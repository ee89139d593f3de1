import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { Layout } from './Layout';
import { RequireSession } from './session';
import { RouteError } from '../components/RouteError';

/** A route whose page module is loaded when first visited, so the first load carries only the frame. */
const page = (load: () => Promise<{ default: ComponentType }>): Pick<RouteObject, 'lazy'> => ({
  lazy: async () => ({ Component: (await load()).default }),
});

/** Every page of the console. Paths are under /console; the public pages need no session. */
export const routes: RouteObject[] = [
  { path: '/sign-in', ...page(() => import('../pages/auth/SignInPage')) },
  { path: '/forgot-password', ...page(() => import('../pages/auth/ForgotPasswordPage')) },
  { path: '/reset-password', ...page(() => import('../pages/auth/ResetPasswordPage')) },
  { path: '/accept-invitation', ...page(() => import('../pages/auth/AcceptInvitationPage')) },
  {
    path: '/',
    element: (
      <RequireSession>
        <Layout />
      </RequireSession>
    ),
    errorElement: <RouteError />,
    children: [
      { index: true, ...page(() => import('../pages/overview/OverviewPage')) },
      { path: 'customers', ...page(() => import('../pages/customers/CustomersPage')) },
      { path: 'customers/:customerId', ...page(() => import('../pages/customers/CustomerPage')) },
      { path: 'segments', ...page(() => import('../pages/segments/SegmentsPage')) },
      { path: 'segments/new', ...page(() => import('../pages/segments/SegmentEditorPage')) },
      { path: 'segments/:segmentId', ...page(() => import('../pages/segments/SegmentEditorPage')) },
      { path: 'campaigns', ...page(() => import('../pages/campaigns/CampaignsPage')) },
      { path: 'campaigns/new', ...page(() => import('../pages/campaigns/CampaignPage')) },
      { path: 'campaigns/:campaignId', ...page(() => import('../pages/campaigns/CampaignPage')) },
      { path: 'journeys', ...page(() => import('../pages/journeys/JourneysPage')) },
      { path: 'journeys/new', ...page(() => import('../pages/journeys/JourneyPage')) },
      { path: 'journeys/:journeyId', ...page(() => import('../pages/journeys/JourneyPage')) },
      { path: 'journeys/:journeyId/runs/:runId', ...page(() => import('../pages/journeys/JourneyRunPage')) },
      { path: 'inbox', ...page(() => import('../pages/inbox/InboxPage')) },
      { path: 'inbox/:conversationId', ...page(() => import('../pages/inbox/InboxPage')) },
      { path: 'webhooks', ...page(() => import('../pages/webhooks/WebhooksPage')) },
      { path: 'webhooks/:endpointId', ...page(() => import('../pages/webhooks/WebhookPage')) },
      { path: 'imports', ...page(() => import('../pages/imports/ImportsPage')) },
      { path: 'settings', ...page(() => import('../pages/settings/SettingsPage')) },
      { path: '*', ...page(() => import('../pages/NotFoundPage')) },
    ],
  },
];

/** The router: browser history under /console, the base Herald serves the console at. */
export const createRouter = () => createBrowserRouter(routes, { basename: '/console' });

/** The console's sections, in the order of the navigation bar (paths are under /console). */
export const NAVIGATION: { to: string; label: string }[] = [
  { to: '/', label: 'Overview' },
  { to: '/customers', label: 'Customers' },
  { to: '/segments', label: 'Segments' },
  { to: '/campaigns', label: 'Campaigns' },
  { to: '/journeys', label: 'Journeys' },
  { to: '/inbox', label: 'Inbox' },
  { to: '/webhooks', label: 'Webhooks' },
  { to: '/imports', label: 'Imports & exports' },
  { to: '/settings', label: 'Settings' },
];

import { createTheme } from '@mantine/core';

/**
 * The console's Mantine theme. The primary shade is dark enough that white text on it and it on
 * white both pass WCAG AA contrast (axe runs on every page in the browser tests).
 */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 8,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  defaultRadius: 'sm',
});

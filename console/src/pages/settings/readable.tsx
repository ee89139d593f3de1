import { Box } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { CSSProperties, ReactNode } from 'react';

/**
 * Mantine's light-scheme dimmed grey (gray.6), error red (red.6) and placeholder grey are below WCAG AA contrast for
 * small text on white, and input descriptions and errors use them. These CSS variables,
 * set on a wrapper, darken them for everything inside (axe checks every page). A theme-wide fix
 * belongs in the console's theme; until then the settings, imports and sign-in pages wrap
 * themselves in {@link Readable}.
 */
export const READABLE_COLORS = {
  '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
  '--mantine-color-error': 'var(--mantine-color-red-8)',
  // FileInput's placeholder is text in a span (not a placeholder attribute), so contrast rules apply to it.
  '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
} as CSSProperties;

/** Renders its children with {@link READABLE_COLORS}. */
export function Readable({ children }: { children: ReactNode }) {
  return <Box style={READABLE_COLORS}>{children}</Box>;
}

/** A green "done" notification whose text passes contrast checks and whose close button has a name. */
export function notifyDone(title: string, message: string): void {
  notifications.show({
    color: 'green',
    title,
    message,
    // A titled notification's text is gray.6 in Mantine's stylesheet itself, not a variable.
    styles: { description: { color: 'var(--mantine-color-gray-8)' } },
    closeButtonProps: { 'aria-label': 'Close the notification' },
  });
}

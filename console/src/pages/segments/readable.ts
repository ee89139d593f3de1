import type { CSSProperties } from 'react';

/**
 * Mantine's default error red and dimmed grey miss WCAG AA contrast on white (axe flags them);
 * the segments pages set darker shades for everything inside them. (The console's theme could do
 * this for every page; until it does, pages wrap their content in a Box with this style.)
 */
export const READABLE_COLOURS = {
  '--mantine-color-error': 'var(--mantine-color-red-9)',
  '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
} as CSSProperties;

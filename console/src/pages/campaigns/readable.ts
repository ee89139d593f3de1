/**
 * Styles for an input's description in a colour that passes WCAG AA contrast on white (Mantine's
 * default "dimmed" grey does not, and axe runs on every page). The theme is the better home for
 * this; until it sets it, the campaign pages pass it to each input with a description.
 */
export const READABLE_DESCRIPTION = { description: { color: 'var(--mantine-color-gray-7)' } } as const;

import { createTheme, defaultVariantColorsResolver, Modal, Notification, parseThemeColor, type VariantColorsResolver } from '@mantine/core';

/**
 * Light variants (badges, alerts, light buttons) draw their text in shade 9 darkened by a third
 * instead of Mantine's lighter default, which falls below WCAG AA contrast on its tinted background
 * (shade 9 alone is not enough for the yellows and greens).
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colours = defaultVariantColorsResolver(input);
  if (input.variant !== 'light') return colours;
  const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
  return parsed.isThemeColor ? { ...colours, color: `color-mix(in srgb, var(--mantine-color-${parsed.color}-9), black 35%)` } : colours;
};

/**
 * The console's Mantine theme. The primary shade is dark enough that white text on it and it on
 * white both pass WCAG AA contrast (axe runs on every page in the browser tests); every modal's
 * and notification's close button has an accessible name.
 */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 8,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  defaultRadius: 'sm',
  // Modals, menus and notifications appear without animation for people who ask for reduced motion.
  respectReducedMotion: true,
  variantColorResolver,
  components: {
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss notification' } } }),
  },
});

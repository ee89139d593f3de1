import { notifications } from '@mantine/notifications';

/**
 * Shows a short confirmation. The close button gets an accessible name: Mantine's has none by
 * default, which axe reports as a critical violation while the notification is on screen.
 */
export function notify(message: string, color = 'green'): void {
  notifications.show({ message, color, closeButtonProps: { 'aria-label': 'Dismiss notification' } });
}

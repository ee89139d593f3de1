import { notifications } from '@mantine/notifications';

/**
 * Shows a short confirmation that an action is done (green unless told otherwise). The theme names
 * the close button and console.css darkens the text, so it passes the accessibility checks.
 */
export function notify(message: string, options: { title?: string; color?: string } = {}): void {
  notifications.show({ message, title: options.title, color: options.color ?? 'green' });
}

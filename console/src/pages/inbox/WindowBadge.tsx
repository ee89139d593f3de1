import { Badge } from '@mantine/core';
import { formatTime, type WindowState } from './whatsappWindow';

/** WhatsApp's 24-hour window as a badge: open until when, or closed (templates only). Nothing for other channels. */
export function WindowBadge({ state }: { state: WindowState }) {
  if (state.kind === 'none') return null;
  if (state.kind === 'open')
    return (
      <Badge color="teal.9" variant="filled" data-testid="whatsapp-window">
        WhatsApp window open until {formatTime(state.until)}
      </Badge>
    );
  return (
    <Badge color="red.9" variant="filled" data-testid="whatsapp-window">
      WhatsApp window closed{state.since ? ` since ${formatTime(state.since)}` : ''}
    </Badge>
  );
}

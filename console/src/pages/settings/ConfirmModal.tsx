import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { READABLE_COLORS } from './readable';

/**
 * Asks before a destructive action (remove a member, revoke a key, cancel an import): the
 * question, Herald's refusal if the action failed, and a red confirm button. Shared by the
 * settings and imports pages; other areas may use it too.
 */
export function ConfirmModal(props: {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  error?: unknown;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Modal closeButtonProps={{ 'aria-label': 'Close' }} opened={props.opened} onClose={props.onClose} title={props.title} centered>
      <Stack style={READABLE_COLORS}>
        <Text>{props.children}</Text>
        {props.error ? <ErrorAlert error={props.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Keep it
          </Button>
          <Button color="red" loading={props.busy} onClick={props.onConfirm}>
            {props.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

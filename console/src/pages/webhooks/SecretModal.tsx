import { Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';

/**
 * An endpoint's signing secret, shown once (after create or rotation): Herald keeps it encrypted
 * and never shows it again, so the modal says so and offers to copy it.
 */
export function SecretModal({ secret, title, onClose }: { secret: string | null; title: string; onClose: () => void }) {
  return (
    <Modal opened={secret !== null} onClose={onClose} title={title} size="lg" closeButtonProps={{ 'aria-label': 'Close' }}>
      <Stack>
        <Text>This is the only time the signing secret is shown. Store it where your receiver verifies signatures.</Text>
        <Code block data-testid="webhook-secret">
          {secret}
        </Code>
        <Group justify="flex-end">
          <CopyButton value={secret ?? ''}>{({ copied, copy }) => <Button onClick={copy}>{copied ? 'Copied' : 'Copy secret'}</Button>}</CopyButton>
          <Button variant="default" onClick={onClose}>
            I have stored it
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

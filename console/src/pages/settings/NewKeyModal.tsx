import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';

/**
 * Shows a new API key once: Herald keeps only its hash, so this modal is the one chance to
 * copy it. Closing it forgets the key.
 */
export function NewKeyModal({ created, onClose }: { created: { name: string; key: string } | null; onClose: () => void }) {
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={created !== null}
      onClose={onClose}
      title="Your new API key"
      centered
      size="lg"
      closeOnClickOutside={false}
    >
      <Stack>
        <Alert title="Copy it now">
          This is the only time Herald shows the key “{created?.name}”. Store it somewhere safe; if it is lost, revoke it and create another.
        </Alert>
        <Code block data-testid="new-api-key">
          {created?.key}
        </Code>
        <Group justify="space-between">
          <CopyButton value={created?.key ?? ''}>
            {({ copied, copy }) => (
              <Button color={copied ? 'teal' : 'blue'} onClick={copy}>
                {copied ? 'Copied' : 'Copy the key'}
              </Button>
            )}
          </CopyButton>
          <Button variant="default" onClick={onClose}>
            I have stored it
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          Send it as <code>Authorization: Bearer …</code> from your servers; never put it in a web page.
        </Text>
      </Stack>
    </Modal>
  );
}

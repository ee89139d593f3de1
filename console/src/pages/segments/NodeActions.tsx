import { ActionIcon, Group } from '@mantine/core';
import { useBuilder } from './builderContext';

/**
 * Move up, move down and remove for one node of the rule builder: real buttons, so reordering and
 * removing work from the keyboard as well as the mouse. `name` ("condition 2.1") makes each label unique.
 */
export function NodeActions({ id, name, first, last }: { id: string; name: string; first: boolean; last: boolean }) {
  const builder = useBuilder();
  return (
    <Group gap={4} wrap="nowrap">
      <ActionIcon variant="subtle" color="gray" aria-label={`Move ${name} up`} disabled={first} onClick={() => builder.move(id, -1)}>
        <span aria-hidden="true">↑</span>
      </ActionIcon>
      <ActionIcon variant="subtle" color="gray" aria-label={`Move ${name} down`} disabled={last} onClick={() => builder.move(id, 1)}>
        <span aria-hidden="true">↓</span>
      </ActionIcon>
      <ActionIcon variant="subtle" color="red.9" aria-label={`Remove ${name}`} onClick={() => builder.remove(id)}>
        <span aria-hidden="true">✕</span>
      </ActionIcon>
    </Group>
  );
}

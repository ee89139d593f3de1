import { Badge, Button, Group, Paper, TagsInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { herald } from '../../client/herald';
import { ErrorAlert } from '../../components/ErrorAlert';

/** The customer's tags; a writer edits them in place and saves them all at once (`PATCH …/tags`, action set). */
export function TagsSection({ customerId, tags, canWrite }: { customerId: string; tags: string[]; canWrite: boolean }) {
  const client = useQueryClient();
  const [editing, setEditing] = useState<string[] | null>(null);
  const save = useMutation({
    mutationFn: (next: string[]) => herald.customers.tags(customerId, { tags: next, action: 'set' }),
    onSuccess: async () => {
      setEditing(null);
      await client.invalidateQueries({ queryKey: ['customers'] });
    },
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="section-tags" data-testid="section-tags">
      <Title order={2} size="h4" mb="sm" id="section-tags">
        Tags
      </Title>
      {save.isError ? <ErrorAlert error={save.error} /> : null}
      {editing ? (
        <Group align="flex-end">
          <TagsInput label="Tags" value={editing} onChange={setEditing} style={{ flex: 1 }} clearable />
          <Button onClick={() => save.mutate(editing)} loading={save.isPending}>
            Save tags
          </Button>
          <Button variant="default" onClick={() => setEditing(null)}>
            Cancel
          </Button>
        </Group>
      ) : (
        <Group gap="xs">
          {tags.length ? tags.map((t) => <Badge key={t}>{t}</Badge>) : 'No tags.'}
          {canWrite ? (
            <Button size="xs" variant="default" onClick={() => setEditing(tags)}>
              Edit tags
            </Button>
          ) : null}
        </Group>
      )}
    </Paper>
  );
}

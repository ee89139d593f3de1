import { Button, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { herald } from '../../client/herald';
import { ErrorAlert } from '../../components/ErrorAlert';
import { dateTime } from './format';
import { Section } from './Section';

/** The customer's notes log, newest first, and (for writers) a form to add one (10 to 1000 characters). */
export function NotesSection({ customerId, canWrite }: { customerId: string; canWrite: boolean }) {
  const client = useQueryClient();
  const key = ['customers', customerId, 'notes'];
  const notes = useQuery({ queryKey: key, queryFn: () => herald.customers.notes(customerId) });
  const [content, setContent] = useState('');
  const add = useMutation({
    mutationFn: (text: string) => herald.customers.addNote(customerId, text),
    onSuccess: async () => {
      setContent('');
      await client.invalidateQueries({ queryKey: key });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(content);
  };
  const form = canWrite ? (
    <form onSubmit={submit} aria-label="Add a note">
      <Stack gap="xs" mb="md">
        {add.isError ? <ErrorAlert error={add.error} title="The note was not added" /> : null}
        <Textarea label="New note (10 to 1000 characters)" autosize minRows={2} value={content} onChange={(e) => setContent(e.currentTarget.value)} />
        <Button type="submit" loading={add.isPending} disabled={!content.trim()} style={{ alignSelf: 'flex-start' }}>
          Add note
        </Button>
      </Stack>
    </form>
  ) : null;
  return (
    <Section title="Notes" query={notes} isEmpty={(d) => d.length === 0} empty="No notes yet." actions={form}>
      {(list) => (
        <Stack gap="sm">
          {list.map((n) => (
            <div key={n.noteId}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {n.content}
              </Text>
              <Text size="xs" c="gray.7">
                {n.addedBy ?? 'someone'} · {dateTime(n.addedAt)}
              </Text>
            </div>
          ))}
        </Stack>
      )}
    </Section>
  );
}

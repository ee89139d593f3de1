import { Alert, Button, Checkbox, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { inboxKeys, postReply, type Conversation, type ReplyInput } from './queries';
import type { WindowState } from './whatsappWindow';

/**
 * The reply box of a thread: free text sent on the thread's channel, or an internal note. When
 * WhatsApp's 24-hour window is closed, free text is refused by WhatsApp, so the form asks for an
 * approved template (its Content SID) instead — or a note, which is never sent.
 */
export function ReplyForm({ conversation, windowState }: { conversation: Conversation; windowState: WindowState }) {
  const client = useQueryClient();
  const [body, setBody] = useState('');
  const [contentSid, setContentSid] = useState('');
  const [internal, setInternal] = useState(conversation.channel === 'note');
  const templateOnly = windowState.kind === 'closed' && !internal;
  const reply = useMutation({
    mutationFn: (input: ReplyInput) => postReply(conversation.id, input),
    onSuccess: async () => {
      setBody('');
      setContentSid('');
      await client.invalidateQueries({ queryKey: inboxKeys.all });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (templateOnly) reply.mutate({ contentSid: contentSid.trim() });
    else reply.mutate({ body, ...(internal ? { internal: true } : {}) });
  };

  return (
    <form onSubmit={submit} aria-label="Reply">
      <Stack gap="xs">
        {reply.isError ? <ErrorAlert error={reply.error} title="The message was not sent" /> : null}
        {templateOnly ? (
          <>
            <Alert color="red.9" variant="outline" title="WhatsApp window closed">
              The customer has not written in the last 24 hours, so WhatsApp accepts only an approved template. Give its Content SID, or write an internal note.
            </Alert>
            <TextInput label="Template Content SID" placeholder="HX…" required value={contentSid} onChange={(e) => setContentSid(e.currentTarget.value)} />
          </>
        ) : (
          <Textarea label={internal ? 'Internal note' : 'Reply'} autosize minRows={3} required value={body} onChange={(e) => setBody(e.currentTarget.value)} />
        )}
        <Group justify="space-between">
          <Checkbox
            label="Internal note (seen by your team only, never sent)"
            checked={internal}
            disabled={conversation.channel === 'note'}
            onChange={(e) => setInternal(e.currentTarget.checked)}
          />
          <Button type="submit" loading={reply.isPending}>
            {internal ? 'Add note' : templateOnly ? 'Send template' : 'Send reply'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

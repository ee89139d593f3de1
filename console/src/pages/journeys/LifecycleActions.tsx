import type { Journey } from '@herald/sdk';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { herald } from '../../client/herald';
import { ErrorAlert } from '../../components/ErrorAlert';
import { journeyKeys } from './queries';

type Action = 'pause' | 'resume' | 'archive' | 'delete';

const CONFIRM: Partial<Record<Action, { title: string; text: string; button: string }>> = {
  archive: {
    title: 'Archive this journey?',
    text: 'Nobody enters it any more; customers inside finish their runs. An archived journey cannot be published again.',
    button: 'Archive',
  },
  delete: { title: 'Delete this journey?', text: 'The journey, its versions and every run are deleted. This cannot be undone.', button: 'Delete' },
};

/**
 * Pause, resume, archive and delete, as the journey's status allows; archive and delete ask first.
 * Only shown to people who may write.
 */
export function LifecycleActions({ journey }: { journey: Journey }) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState<Action | null>(null);
  const run = useMutation({
    mutationFn: async (action: Action) => {
      if (action === 'pause') return herald.journeys.pause(journey.id);
      if (action === 'resume') return herald.journeys.resume(journey.id, { timers: 'fire' });
      if (action === 'archive') return herald.journeys.archive(journey.id);
      await herald.journeys.delete(journey.id);
      return null;
    },
    onSuccess: (updated, action) => {
      setConfirming(null);
      void client.invalidateQueries({ queryKey: journeyKeys.all });
      if (updated) client.setQueryData(journeyKeys.one(journey.id), updated);
      notifications.show({ message: `Journey ${action === 'delete' ? 'deleted' : updated?.status}` });
      if (action === 'delete') navigate('/journeys');
    },
  });
  const live = journey.status === 'active' || journey.status === 'paused';
  const confirm = confirming ? CONFIRM[confirming] : undefined;
  return (
    <>
      {journey.status === 'active' ? (
        <Button variant="default" onClick={() => run.mutate('pause')} loading={run.isPending && run.variables === 'pause'}>
          Pause
        </Button>
      ) : null}
      {journey.status === 'paused' ? (
        <Button variant="default" onClick={() => run.mutate('resume')} loading={run.isPending && run.variables === 'resume'}>
          Resume
        </Button>
      ) : null}
      {live ? (
        <Button variant="default" color="red" onClick={() => setConfirming('archive')}>
          Archive
        </Button>
      ) : (
        <Button variant="default" color="red" onClick={() => setConfirming('delete')}>
          Delete
        </Button>
      )}
      {run.isError && !confirming ? <ErrorAlert error={run.error} /> : null}
      <Modal opened={confirm !== undefined} onClose={() => setConfirming(null)} title={confirm?.title}>
        <Stack>
          <Text size="sm">{confirm?.text}</Text>
          {run.isError ? <ErrorAlert error={run.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)}>
              Cancel
            </Button>
            <Button color="red" loading={run.isPending} onClick={() => confirming && run.mutate(confirming)}>
              {confirm?.button}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

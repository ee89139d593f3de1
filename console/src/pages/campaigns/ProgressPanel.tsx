import { Button, Group, Modal, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCanWrite } from '../../app/session';
import { herald } from '../../client/herald';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CAMPAIGN_KEYS, percent, progressOf, settledOf, type CampaignDetail } from './campaignData';
import { browserTimezone, formatInZone } from './timezones';
import { notify } from '../../components/notify';

type Target = 'paused' | 'sending' | 'cancelled';

/** One number of the progress: a label over a figure. */
function Figure({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div>
      <Text size="xs" c="gray.7" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={testId}>
        {value.toLocaleString('en')}
      </Text>
    </div>
  );
}

/**
 * The live progress of a campaign that left the draft state: sent, failed, skipped and pending of
 * the total, as a bar and figures (the page reads it every second while it sends), with pause,
 * resume and cancel (`PATCH /campaigns/:id/status`; cancelling asks first).
 */
export function ProgressPanel({ campaign }: { campaign: CampaignDetail }) {
  const canWrite = useCanWrite();
  const client = useQueryClient();
  const [confirming, { open, close }] = useDisclosure(false);
  const p = progressOf(campaign);
  const total = p.recipients;
  const settled = settledOf(p);
  const pending = Math.max(0, total - settled);
  const share = (n: number) => (total ? (n / total) * 100 : 0);
  const ratio = total ? settled / total : campaign.status === 'completed' ? 1 : 0;

  const change = useMutation({
    mutationFn: (status: Target) => herald.campaigns.setStatus(campaign.id, status),
    onSuccess: async (_, status) => {
      close();
      await client.invalidateQueries({ queryKey: CAMPAIGN_KEYS.all });
      notify(status === 'paused' ? 'Campaign paused' : status === 'sending' ? 'Campaign resumed' : 'Campaign cancelled');
    },
  });

  const running = campaign.status === 'sending' || campaign.status === 'paused' || campaign.status === 'scheduled';
  return (
    <Paper withBorder p="md" aria-labelledby="campaign-progress-title">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h3" id="campaign-progress-title">
            Progress
          </Title>
          <Text fw={700} size="lg" data-testid="campaign-progress-percent" aria-live="polite">
            {percent(ratio)}
          </Text>
        </Group>
        {campaign.status === 'scheduled' && campaign.scheduledAt ? <Text>Scheduled for {formatInZone(campaign.scheduledAt, browserTimezone())}</Text> : null}
        {p.workflow?.waitingUntil ? (
          <Text size="sm">Waiting until {formatInZone(p.workflow.waitingUntil, browserTimezone())} for deferred messages</Text>
        ) : null}
        <Progress.Root size="xl" aria-label="Campaign progress">
          <Progress.Section value={share(p.sent)} color="teal" aria-label={`Sent: ${p.sent} of ${total}`} />
          <Progress.Section value={share(p.failed)} color="red" aria-label={`Failed: ${p.failed} of ${total}`} />
          <Progress.Section value={share(p.skipped + p.cancelled)} color="gray" aria-label={`Skipped or cancelled: ${p.skipped + p.cancelled} of ${total}`} />
        </Progress.Root>
        <SimpleGrid cols={{ base: 2, sm: 5 }}>
          <Figure label="Recipients" value={total} testId="progress-total" />
          <Figure label="Sent" value={p.sent} testId="progress-sent" />
          <Figure label="Failed" value={p.failed} testId="progress-failed" />
          <Figure label="Pending" value={pending} testId="progress-pending" />
          <Figure label="Skipped" value={p.skipped + p.cancelled} testId="progress-skipped" />
        </SimpleGrid>
        {change.isError ? <ErrorAlert error={change.error} /> : null}
        {canWrite && running ? (
          <Group>
            {campaign.status === 'sending' ? (
              <Button variant="default" loading={change.isPending && change.variables === 'paused'} onClick={() => change.mutate('paused')}>
                Pause
              </Button>
            ) : null}
            {campaign.status === 'paused' ? (
              <Button variant="default" loading={change.isPending && change.variables === 'sending'} onClick={() => change.mutate('sending')}>
                Resume
              </Button>
            ) : null}
            <Button variant="default" onClick={open}>
              Cancel campaign…
            </Button>
          </Group>
        ) : null}
      </Stack>
      <Modal opened={confirming} onClose={close} title="Cancel this campaign?" centered closeButtonProps={{ 'aria-label': 'Close' }}>
        <Stack>
          <Text>Nothing more is sent: {pending.toLocaleString('en')} recipients who have not received it yet never will. This cannot be undone.</Text>
          {change.isError ? <ErrorAlert error={change.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Keep sending
            </Button>
            <Button color="red.9" loading={change.isPending && change.variables === 'cancelled'} onClick={() => change.mutate('cancelled')}>
              Cancel the campaign
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

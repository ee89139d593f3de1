import { Button, Group, Modal, Paper, Radio, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { herald } from '../../client/herald';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CAMPAIGN_KEYS, type Campaign } from './campaignData';
import { browserTimezone, formatInZone, timezoneNames, zonedTimeToUtc } from './timezones';
import { notify } from '../../components/notify';

/** The schedule the form builds: once at an instant, or recurring by cron in a timezone. */
type ScheduleBody = { schedule: { type: 'at'; at: string } | { type: 'recurring'; cron: string; timezone: string } };

/**
 * Sends a draft: now (after a confirmation, since it cannot be taken back), once at a wall-clock
 * time in a chosen timezone, or on a cron schedule in a timezone (`POST /campaigns/:id/send` and
 * `/schedule`). The instant a wall-clock time means is shown before it is scheduled.
 */
export function SendPanel({ campaign }: { campaign: Campaign }) {
  const client = useQueryClient();
  const zones = useMemo(() => timezoneNames(), []);
  const [confirming, { open, close }] = useDisclosure(false);
  const [kind, setKind] = useState<'at' | 'recurring'>('at');
  const [local, setLocal] = useState('');
  const [cron, setCron] = useState('0 9 * * 1');
  const [timezone, setTimezone] = useState<string>(browserTimezone());
  const instant = kind === 'at' && local ? zonedTimeToUtc(local, timezone) : null;

  const done = async (message: string) => {
    await client.invalidateQueries({ queryKey: CAMPAIGN_KEYS.all });
    notify(message);
  };
  const sendNow = useMutation({
    mutationFn: () => herald.campaigns.send(campaign.id),
    onSuccess: async () => {
      close();
      await done('Sending started');
    },
  });
  const schedule = useMutation({
    mutationFn: (body: ScheduleBody) => herald.campaigns.schedule(campaign.id, body),
    onSuccess: () => done('Campaign scheduled'),
  });

  const submitSchedule = (event: FormEvent) => {
    event.preventDefault();
    if (kind === 'recurring') schedule.mutate({ schedule: { type: 'recurring', cron, timezone } });
    else if (instant) schedule.mutate({ schedule: { type: 'at', at: instant } });
  };

  return (
    <Stack maw={640} gap="xl">
      <Paper withBorder p="md">
        <Stack>
          <Title order={2} size="h3">
            Send now
          </Title>
          <Text size="sm">The audience is fixed when sending starts; you can pause, resume or cancel while it sends.</Text>
          <div>
            <Button onClick={open}>Send now…</Button>
          </div>
        </Stack>
      </Paper>
      <Modal opened={confirming} onClose={close} title="Send this campaign now?" centered closeButtonProps={{ 'aria-label': 'Close' }}>
        <Stack>
          <Text>“{campaign.name}” goes to its whole audience now. Sent messages cannot be recalled; you can pause or cancel what is not sent yet.</Text>
          {sendNow.isError ? <ErrorAlert error={sendNow.error} title="Sending did not start" /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Keep it a draft
            </Button>
            <Button loading={sendNow.isPending} onClick={() => sendNow.mutate()}>
              Send to the audience
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Paper withBorder p="md">
        <form onSubmit={submitSchedule} aria-label="Schedule">
          <Stack>
            <Title order={2} size="h3">
              Schedule
            </Title>
            <Radio.Group label="When" value={kind} onChange={(v) => setKind(v as 'at' | 'recurring')}>
              <Group mt="xs">
                <Radio value="at" label="Once, at a time" />
                <Radio value="recurring" label="Recurring (cron)" />
              </Group>
            </Radio.Group>
            {kind === 'at' ? (
              <TextInput label="Date and time" type="datetime-local" required value={local} onChange={(e) => setLocal(e.currentTarget.value)} />
            ) : (
              <TextInput
                label="Cron expression"
                description="Five fields: minute hour day month weekday (“0 9 * * 1” is Mondays at 9:00)"
                required
                value={cron}
                onChange={(e) => setCron(e.currentTarget.value)}
              />
            )}
            <Select
              label="Timezone"
              description="The time above is read in this timezone"
              data={zones}
              value={timezone}
              onChange={(v) => v && setTimezone(v)}
              searchable
              allowDeselect={false}
              limit={50}
            />
            {instant ? (
              <Text size="sm" data-testid="schedule-instant">
                Sends at {formatInZone(instant, timezone)} = {formatInZone(instant, 'UTC')}
              </Text>
            ) : null}
            {schedule.isError ? <ErrorAlert error={schedule.error} title="The campaign was not scheduled" /> : null}
            <div>
              <Button type="submit" variant="outline" loading={schedule.isPending} disabled={kind === 'at' && !instant}>
                Schedule
              </Button>
            </div>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}

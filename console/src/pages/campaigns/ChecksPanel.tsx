import { Badge, Button, Group, RingProgress, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { herald } from '../../client/herald';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { Campaign } from './campaignData';

const STATUS_COLOR = { pass: 'green', warn: 'yellow', fail: 'red' } as const;

/** The colour of a score: green from 80, yellow from 50, red below. */
const scoreColor = (score: number) => (score >= 80 ? 'green' : score >= 50 ? 'yellow' : 'red');

/**
 * The message checks of the insights issue (`POST /ai/message-check`) on the campaign's saved
 * message and audience: the score out of 100 and each named check with its verdict. They are run
 * on demand, since they spend the AI budget (20 a minute per person).
 */
export function ChecksPanel({ campaign }: { campaign: Campaign }) {
  const check = useMutation({
    mutationFn: () =>
      herald.ai.checkMessage(
        campaign.channel === 'email'
          ? { type: 'email', subject: campaign.subject ?? undefined, body: campaign.body, campaignId: campaign.id }
          : { type: 'sms', body: campaign.body, campaignId: campaign.id },
      ),
  });
  const verdict = check.data;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h3">
          Message checks
        </Title>
        <Button variant="outline" onClick={() => check.mutate()} loading={check.isPending}>
          Run message checks
        </Button>
      </Group>
      {check.isError ? <ErrorAlert error={check.error} title="The checks did not run" /> : null}
      {verdict ? (
        <>
          <Group>
            <RingProgress
              size={96}
              thickness={10}
              sections={[{ value: verdict.score, color: scoreColor(verdict.score) }]}
              label={
                <Text ta="center" fw={700} data-testid="message-check-score">
                  {verdict.score}
                </Text>
              }
              aria-label={`Score ${verdict.score} out of 100`}
            />
            <Text>
              Score {verdict.score} out of 100 · {verdict.checks.filter((c) => c.status === 'pass').length} of {verdict.checks.length} checks pass
            </Text>
          </Group>
          <Table aria-label="Message checks" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Check</Table.Th>
                <Table.Th>Verdict</Table.Th>
                <Table.Th>Points</Table.Th>
                <Table.Th>What it found</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {verdict.checks.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <code>{c.id}</code>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[c.status]} variant="dot">
                      {c.status}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {c.points} / {c.weight}
                  </Table.Td>
                  <Table.Td>{c.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      ) : (
        <Text c="gray.7">Scores the saved subject and body: length, links, personalisation, spam words and more.</Text>
      )}
    </Stack>
  );
}

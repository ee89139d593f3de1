import type { JourneyRunDetail } from '@herald/sdk';
import { Anchor, Badge, Code, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useRun } from './queries';
import { RunStateBadge } from './RunStateBadge';

type Step = JourneyRunDetail['stepLog'][number];

const when = (t: string | null) => (t ? new Date(t).toLocaleString() : '—');

/** One labelled fact of the run. */
function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dark.4">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

/** What a step did, in a line: the detail Herald recorded and, for a send, the message's ledger state. */
function StepDetail({ step }: { step: Step }) {
  const detail = Object.keys(step.detail).length ? JSON.stringify(step.detail) : '';
  return (
    <Stack gap={2}>
      {step.message ? (
        <Text size="xs">
          {step.message.channel} to {step.message.address ?? '—'}: <Badge size="xs">{step.message.state}</Badge>
          {step.message.skipReason ? ` (${step.message.skipReason})` : ''}
          {step.message.deferredReason ? ` deferred: ${step.message.deferredReason}` : ''}
        </Text>
      ) : null}
      {detail ? <Code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{detail}</Code> : null}
    </Stack>
  );
}

/** A run (`/journeys/:journeyId/runs/:runId`): where the customer is, why, and the step log; refreshed each second while open. */
export default function JourneyRunPage() {
  const { journeyId = '', runId = '' } = useParams();
  const run = useRun(journeyId, runId);
  if (run.isPending) return <Loading label="Loading the run" />;
  if (run.isError)
    return (
      <>
        <PageHeader title="Journey run" />
        <ErrorAlert error={run.error} />
      </>
    );
  const r = run.data;
  return (
    <>
      <PageHeader
        title={`Run of ${r.journeyName}`}
        description={
          <Anchor component={Link} to={`/journeys/${journeyId}`}>
            Back to the journey
          </Anchor>
        }
      />
      <SimpleGrid cols={{ base: 2, md: 4 }} mb="md">
        <Fact label="State">
          <Group gap={4}>
            <RunStateBadge state={r.state} />
            {r.endReason ? <Text size="xs">{r.endReason}</Text> : null}
          </Group>
        </Fact>
        <Fact label="Customer">
          <Anchor component={Link} to={`/customers/${r.customerId}`}>
            {r.customerId}
          </Anchor>
        </Fact>
        <Fact label="At node">
          <span data-testid="run-node">{r.nodeId}</span> (visit {r.visit}, version {r.version})
        </Fact>
        <Fact label="Next look">{when(r.dueAt)}</Fact>
        <Fact label="Entered">{when(r.enteredAt)}</Fact>
        <Fact label="Ended">{when(r.endedAt)}</Fact>
        <Fact label="Trigger">
          {r.trigger.name} ({r.trigger.kind})
        </Fact>
        <Fact label="Converted">{when(r.convertedAt)}</Fact>
      </SimpleGrid>
      {r.waitingFor ? (
        <Text size="sm" mb="md">
          Waiting for “{r.waitingFor.event}”{r.waitingFor.match ? ` with ${r.waitingFor.match.property} = ${JSON.stringify(r.waitingFor.match.value)}` : ''}.
        </Text>
      ) : null}
      {r.migration ? (
        <Text size="sm" mb="md">
          Moves to version {r.migration.version} {r.migration.nodeId ? `at ${r.migration.nodeId}` : 'and exits'} at its next step.
        </Text>
      ) : null}
      <Title order={2} size="h4" mb="xs">
        Step log
      </Title>
      {r.stepsOmitted ? <Text size="sm">{r.stepsOmitted} earlier steps are not shown.</Text> : null}
      {r.stepLog.length === 0 ? <Text size="sm">No step yet.</Text> : null}
      {r.stepLog.length > 0 ? (
        <Table aria-label="Step log" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Node</Table.Th>
              <Table.Th>Kind</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Started</Table.Th>
              <Table.Th>Finished</Table.Th>
              <Table.Th>Next</Table.Th>
              <Table.Th>What happened</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.stepLog.map((step) => (
              <Table.Tr key={step.id} data-testid="step">
                <Table.Td>
                  {step.nodeId}
                  {step.visit > 1 ? ` (visit ${step.visit})` : ''}
                </Table.Td>
                <Table.Td>{step.kind}</Table.Td>
                <Table.Td>{step.status}</Table.Td>
                <Table.Td>{when(step.startedAt)}</Table.Td>
                <Table.Td>{when(step.finishedAt)}</Table.Td>
                <Table.Td>{step.nextNodeId ?? '—'}</Table.Td>
                <Table.Td>
                  <StepDetail step={step} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </>
  );
}

import { Badge, Button, List, Stack, TagsInput, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { herald } from '../../client/herald';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { Campaign } from './campaignData';
import { CustomerPicker } from './CustomerPicker';

/**
 * Sends the campaign's message to up to 10 test addresses through the real transports (`POST
 * /campaigns/:id/test`), rendered for a chosen customer or the sample one, and shows the outcome
 * per address. Nothing is recorded against the campaign's audience.
 */
export function TestSendPanel({ campaign }: { campaign: Campaign }) {
  const [addresses, setAddresses] = useState<string[]>([]);
  const [customer, setCustomer] = useState<{ value: string; label: string } | null>(null);
  const send = useMutation({
    mutationFn: () => herald.campaigns.test(campaign.id, { addresses, ...(customer ? { customerId: customer.value } : {}) }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate();
  };
  const email = campaign.channel === 'email';
  return (
    <form onSubmit={submit} aria-label="Test send">
      <Stack maw={640}>
        <Title order={2} size="h3">
          Test send
        </Title>
        <TagsInput
          label={email ? 'Test e-mail addresses' : 'Test phone numbers'}
          description="Up to 10; press Enter after each"
          placeholder={email ? 'you@example.com' : '+15550001234'}
          maxTags={10}
          value={addresses}
          onChange={setAddresses}
          splitChars={[',', ' ', ';']}
        />
        <CustomerPicker label="Render for customer (optional)" value={customer} onChange={setCustomer} />
        <div>
          <Button type="submit" disabled={addresses.length === 0} loading={send.isPending}>
            Send test
          </Button>
        </div>
        {send.isError ? <ErrorAlert error={send.error} title="The test was not sent" /> : null}
        {send.data ? (
          <List spacing="xs" aria-label="Test send results" data-testid="test-send-results">
            {send.data.map((r) => (
              <List.Item key={r.address}>
                <Badge color={r.ok ? 'green' : 'red'} variant="dot" mr="xs">
                  {r.ok ? 'sent' : 'failed'}
                </Badge>
                <Text span>
                  {r.address}
                  {r.error ? ` — ${r.error}` : ''}
                </Text>
              </List.Item>
            ))}
          </List>
        ) : null}
      </Stack>
    </form>
  );
}

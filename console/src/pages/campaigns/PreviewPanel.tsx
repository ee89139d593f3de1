import { Box, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { herald } from '../../client/herald';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { CAMPAIGN_KEYS, type Campaign } from './campaignData';
import { CustomerPicker, type CustomerOption } from './CustomerPicker';

/**
 * What a chosen customer would receive: the campaign rendered server-side for them (`POST
 * /campaigns/:id/preview`, which sends nothing), or for Herald's sample customer when none is
 * chosen. E-mail bodies are shown in a sandboxed frame (no scripts, no same-origin access).
 */
export function PreviewPanel({ campaign }: { campaign: Campaign }) {
  const [customer, setCustomer] = useState<CustomerOption | null>(null);
  const preview = useQuery({
    queryKey: CAMPAIGN_KEYS.preview(campaign.id, customer?.value ?? null, campaign.updatedAt),
    queryFn: () => herald.campaigns.preview(campaign.id, customer ? { customerId: customer.value } : {}),
  });
  return (
    <Stack>
      <Title order={2} size="h3">
        Preview
      </Title>
      <CustomerPicker label="Preview for customer" value={customer} onChange={setCustomer} />
      {preview.isError ? <ErrorAlert error={preview.error} title="The preview did not render" /> : null}
      {preview.isPending ? <Loading label="Rendering the preview" /> : null}
      {preview.data ? (
        <Paper withBorder p="md" data-testid="campaign-preview">
          <Text size="sm" c="gray.7" mb="xs">
            Rendered for {customer ? customer.label : 'the sample customer (Ada Lovelace)'}
          </Text>
          {campaign.channel === 'email' ? (
            <>
              <Text fw={600} mb="sm" data-testid="campaign-preview-subject">
                Subject: {preview.data.subject}
              </Text>
              <Box
                component="iframe"
                title="E-mail preview"
                sandbox=""
                srcDoc={preview.data.body}
                data-testid="campaign-preview-frame"
                w="100%"
                h={360}
                style={{ border: '1px solid var(--mantine-color-gray-3)', background: 'white' }}
              />
            </>
          ) : (
            <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="campaign-preview-body">
              {preview.data.body}
            </Text>
          )}
        </Paper>
      ) : null}
    </Stack>
  );
}

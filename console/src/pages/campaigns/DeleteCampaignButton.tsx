import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { herald } from '../../client/herald';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CAMPAIGN_KEYS, type Campaign } from './campaignData';
import { notify } from '../../components/notify';

/**
 * Deletes a campaign after a confirmation. Only offered when the API allows it: a campaign that is
 * scheduled, sending or paused must be cancelled first.
 */
export function DeleteCampaignButton({ campaign }: { campaign: Campaign }) {
  const [opened, { open, close }] = useDisclosure(false);
  const client = useQueryClient();
  const navigate = useNavigate();
  const remove = useMutation({
    mutationFn: () => herald.campaigns.delete(campaign.id),
    onSuccess: async () => {
      close();
      client.removeQueries({ queryKey: CAMPAIGN_KEYS.detail(campaign.id) });
      await client.invalidateQueries({ queryKey: CAMPAIGN_KEYS.all });
      notify(`Campaign “${campaign.name}” deleted`);
      navigate('/campaigns');
    },
  });
  if (['scheduled', 'sending', 'paused'].includes(campaign.status)) return null;
  return (
    <>
      <Button variant="default" onClick={open}>
        Delete…
      </Button>
      <Modal opened={opened} onClose={close} title="Delete this campaign?" centered closeButtonProps={{ 'aria-label': 'Close' }}>
        <Stack>
          <Text>“{campaign.name}” and its per-recipient record are deleted. This cannot be undone.</Text>
          {remove.isError ? <ErrorAlert error={remove.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Keep it
            </Button>
            <Button color="red.9" loading={remove.isPending} onClick={() => remove.mutate()}>
              Delete the campaign
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

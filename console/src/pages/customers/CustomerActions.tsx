import { Button, Group, Modal, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CustomerDetail } from '@herald/sdk';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { herald } from '../../client/herald';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EditCustomerModal } from './EditCustomerModal';
import { displayName } from './format';

/** Icon-only close buttons (modals, notifications) need a name. */
const CLOSE = { 'aria-label': 'Close' };

/**
 * The customer page's write actions: edit, block (with a reason) or unblock, and delete (admins
 * only, as Herald allows) after a confirmation. Shown only to people who may write.
 */
export function CustomerActions({ customer, canDelete }: { customer: CustomerDetail; canDelete: boolean }) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const [editOpen, edit] = useDisclosure();
  const [blockOpen, block] = useDisclosure();
  const [deleteOpen, del] = useDisclosure();
  const [reason, setReason] = useState('');
  const name = displayName(customer);

  const setBlocked = useMutation({
    mutationFn: (isBlocked: boolean) =>
      herald.customers.block(customer.id, isBlocked ? { isBlocked, ...(reason.trim() ? { blockReason: reason.trim() } : {}) } : { isBlocked }),
    onSuccess: async (_, isBlocked) => {
      block.close();
      setReason('');
      notifications.show({ message: isBlocked ? `${name} is blocked.` : `${name} is unblocked.`, closeButtonProps: CLOSE });
      await client.invalidateQueries({ queryKey: ['customers'] });
    },
  });
  const remove = useMutation({
    mutationFn: () => herald.customers.delete(customer.id),
    onSuccess: async () => {
      notifications.show({ message: `${name} was deleted.`, closeButtonProps: CLOSE });
      client.removeQueries({ queryKey: ['customers', 'detail', customer.id] });
      await client.invalidateQueries({ queryKey: ['customers', 'list'] });
      navigate('/customers');
    },
  });

  return (
    <>
      <Button variant="default" onClick={edit.open}>
        Edit
      </Button>
      {customer.isBlocked ? (
        <Button variant="default" onClick={() => setBlocked.mutate(false)} loading={setBlocked.isPending}>
          Unblock
        </Button>
      ) : (
        <Button variant="default" color="orange" onClick={block.open}>
          Block
        </Button>
      )}
      {canDelete ? (
        <Button color="red.9" onClick={del.open}>
          Delete
        </Button>
      ) : null}
      {!customer.isBlocked && setBlocked.isError && !blockOpen ? <ErrorAlert error={setBlocked.error} /> : null}

      {editOpen ? <EditCustomerModal customer={customer} opened={editOpen} onClose={edit.close} /> : null}

      <Modal opened={blockOpen} onClose={block.close} closeButtonProps={CLOSE} title={`Block ${name}?`}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setBlocked.mutate(true);
          }}
          aria-label="Block customer"
        >
          {setBlocked.isError ? <ErrorAlert error={setBlocked.error} /> : null}
          <Text size="sm" mb="sm">
            A blocked customer gets no messages from campaigns or journeys until unblocked.
          </Text>
          <TextInput label="Reason (optional)" value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={500} />
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={block.close}>
              Cancel
            </Button>
            <Button type="submit" color="red.9" loading={setBlocked.isPending}>
              Block customer
            </Button>
          </Group>
        </form>
      </Modal>

      <Modal opened={deleteOpen} onClose={del.close} closeButtonProps={CLOSE} title={`Delete ${name}?`}>
        {remove.isError ? <ErrorAlert error={remove.error} /> : null}
        <Text size="sm">The customer leaves every list, segment and journey. Their orders and conversations are kept.</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={del.close}>
            Cancel
          </Button>
          <Button color="red.9" onClick={() => remove.mutate()} loading={remove.isPending}>
            Delete customer
          </Button>
        </Group>
      </Modal>
    </>
  );
}

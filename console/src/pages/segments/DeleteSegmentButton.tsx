import { Button, Group, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { herald } from '../../client/herald';
import { ErrorAlert } from '../../components/ErrorAlert';

/** Deletes a segment after a confirmation, then returns to the list. */
export function DeleteSegmentButton({ id, name }: { id: string; name: string }) {
  const [opened, { open, close }] = useDisclosure(false);
  const client = useQueryClient();
  const navigate = useNavigate();
  const remove = useMutation({
    mutationFn: () => herald.segments.delete(id),
    onSuccess: async () => {
      client.removeQueries({ queryKey: ['segments', 'detail', id] });
      await client.invalidateQueries({ queryKey: ['segments', 'list'] });
      navigate('/segments');
    },
  });
  return (
    <>
      <Button color="red.9" variant="outline" onClick={open}>
        Delete
      </Button>
      <Modal opened={opened} onClose={close} title="Delete this segment?">
        <Text mb="md">“{name}” and its membership history will be deleted. This cannot be undone.</Text>
        {remove.error ? <ErrorAlert error={remove.error} /> : null}
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button color="red.9" loading={remove.isPending} onClick={() => remove.mutate()}>
            Delete segment
          </Button>
        </Group>
      </Modal>
    </>
  );
}

import { Center, Loader } from '@mantine/core';

/** A centred spinner announced by its label (a live status region), for a page or panel whose data is on its way. */
export function Loading({ label = 'Loading' }: { label?: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite" aria-label={label}>
      <Loader size="md" aria-hidden="true" />
    </Center>
  );
}

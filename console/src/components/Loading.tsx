import { Center, Loader } from '@mantine/core';

/** A centred spinner with an accessible label, for a page or panel whose data is on its way. */
export function Loading({ label = 'Loading' }: { label?: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader size="md" aria-label={label} />
    </Center>
  );
}

import { Container } from '@mantine/core';
import { useRouteError } from 'react-router';
import { ErrorAlert } from './ErrorAlert';

/** What a page shows when it failed to load or render: the error, readable, instead of a blank screen. */
export function RouteError() {
  const error = useRouteError();
  return (
    <Container py="xl">
      <main>
        <h1>Something went wrong</h1>
        <ErrorAlert error={error} />
      </main>
    </Container>
  );
}

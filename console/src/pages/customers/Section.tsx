import { Paper, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';

/**
 * One titled section of the customer page (an h2 in a bordered panel) that shows its query's
 * loading state, its error, an "empty" line, or its content.
 */
export function Section<T>({
  title,
  query,
  isEmpty,
  empty,
  children,
  actions,
}: {
  title: string;
  query: UseQueryResult<T>;
  isEmpty: (data: T) => boolean;
  empty: string;
  children: (data: T) => ReactNode;
  actions?: ReactNode;
}) {
  const id = `section-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id} data-testid={id}>
      <Title order={2} size="h4" mb="sm" id={id}>
        {title}
      </Title>
      {actions}
      {query.isPending ? <Loading label={`Loading ${title.toLowerCase()}`} /> : null}
      {query.isError ? <ErrorAlert error={query.error} /> : null}
      {query.data !== undefined ? (
        isEmpty(query.data) ? (
          <Text c="gray.7" size="sm">
            {empty}
          </Text>
        ) : (
          children(query.data)
        )
      ) : null}
    </Paper>
  );
}

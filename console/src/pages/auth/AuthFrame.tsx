import { Container, Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * The frame of the pages people see before they are signed in (sign in, forgot and reset
 * password, accept an invitation): a narrow centred card under the page's one h1.
 */
export function AuthFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Container size={420} py={80}>
      <main>
        <Title order={1} ta="center" mb="lg">
          {title}
        </Title>
        <Paper withBorder p="lg" radius="md">
          {children}
        </Paper>
      </main>
    </Container>
  );
}

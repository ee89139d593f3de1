import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { herald } from '../../client/herald';
import { ErrorAlert } from '../../components/ErrorAlert';

/** One suggestion of `POST /segments/suggestions`. */
interface Suggestion {
  id: string;
  name: string;
  description: string;
  rules: unknown;
  potentialAudience: number;
}

/**
 * A phrase to a rule: Herald's deterministic suggester ("vip customers in New York") offers up to
 * three rules with their audience today; "Use" puts one in the builder.
 */
export function SuggestionsPanel({ onUse }: { onUse: (rules: unknown, name: string) => void }) {
  const [query, setQuery] = useState('');
  const suggest = useMutation({ mutationFn: async (q: string) => (await herald.segments.suggest(q)) as unknown as Suggestion[] });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    suggest.mutate(query);
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="segment-suggest-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="segment-suggest-title">
          Start from a description
        </Title>
        <form onSubmit={submit} aria-label="Suggest a rule">
          <Group align="flex-end" gap="xs">
            <TextInput
              label="Describe the audience"
              placeholder="vip customers in New York"
              value={query}
              onChange={(e) => setQuery(e.currentTarget.value)}
              flex={1}
            />
            <Button type="submit" variant="default" loading={suggest.isPending}>
              Suggest
            </Button>
          </Group>
        </form>
        {suggest.error ? <ErrorAlert error={suggest.error} title="No suggestion" /> : null}
        {suggest.data?.map((s) => (
          <Paper key={s.id} withBorder p="xs">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <div>
                <Text fw={600}>{s.name}</Text>
                <Text size="sm">{s.description}</Text>
                <Text size="sm" c="gray.7">
                  {s.potentialAudience.toLocaleString('en')} customers today
                </Text>
              </div>
              <Button size="xs" variant="default" onClick={() => onUse(s.rules, s.name)} aria-label={`Use the rule ${s.name}`}>
                Use
              </Button>
            </Group>
          </Paper>
        ))}
      </Stack>
    </Paper>
  );
}

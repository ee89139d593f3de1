import { Button, Group, MultiSelect, Select, SimpleGrid, TagsInput, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { PAGE_SIZES, SORTS, SOURCES, STATUSES, TIERS, type ListState } from './listParams';

const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: v.replace('_', ' ') }));

/**
 * The customer list's search, filters and sort. Every change goes to the URL through `onChange`
 * (the search box after a short pause, so typing does not fill the history), and resets paging.
 */
export function CustomerFilters({ state, onChange }: { state: ListState; onChange: (next: Partial<ListState>, replace?: boolean) => void }) {
  const [q, setQ] = useState(state.q);
  const [seenQ, setSeenQ] = useState(state.q);
  // The URL changed under the box (back button, a shared link): show its search.
  if (state.q !== seenQ) {
    setSeenQ(state.q);
    setQ(state.q);
  }
  const search = useDebouncedCallback((value: string) => onChange({ q: value }, true), 300);
  return (
    <form role="search" aria-label="Find customers" onSubmit={(e) => e.preventDefault()}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} mb="sm">
        <TextInput
          label="Search"
          placeholder="Name, email or phone"
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            search(e.currentTarget.value);
          }}
        />
        <MultiSelect label="Status" placeholder="Any" data={options(STATUSES)} value={state.status} onChange={(status) => onChange({ status })} clearable />
        <MultiSelect label="Tier" placeholder="Any" data={options(TIERS)} value={state.tier} onChange={(tier) => onChange({ tier })} clearable />
        <Select label="Source" placeholder="Any" data={options(SOURCES)} value={state.source} onChange={(source) => onChange({ source })} clearable />
        <TagsInput label="Tags" placeholder="Type a tag, press Enter" value={state.tags} onChange={(tags) => onChange({ tags })} clearable />
        <Select
          label="Tags must match"
          data={[
            { value: 'any', label: 'Any of the tags' },
            { value: 'all', label: 'All of the tags' },
          ]}
          value={state.tagsMatch}
          allowDeselect={false}
          onChange={(v) => onChange({ tagsMatch: v === 'all' ? 'all' : 'any' })}
        />
        <Select
          label="Blocked"
          placeholder="Either"
          data={[
            { value: 'false', label: 'Not blocked' },
            { value: 'true', label: 'Blocked' },
          ]}
          value={state.blocked}
          onChange={(v) => onChange({ blocked: v as ListState['blocked'] })}
          clearable
        />
        <Group grow gap="xs" align="flex-end">
          <TextInput label="Created from" type="date" value={state.from ?? ''} onChange={(e) => onChange({ from: e.currentTarget.value || null })} />
          <TextInput label="Created to" type="date" value={state.to ?? ''} onChange={(e) => onChange({ to: e.currentTarget.value || null })} />
        </Group>
      </SimpleGrid>
      <Group align="flex-end" mb="md">
        <Select label="Sort by" data={[...SORTS]} value={state.sort} allowDeselect={false} onChange={(v) => v && onChange({ sort: v })} w={180} />
        <Select
          label="Order"
          data={[
            { value: 'desc', label: 'Descending' },
            { value: 'asc', label: 'Ascending' },
          ]}
          value={state.order}
          allowDeselect={false}
          onChange={(v) => onChange({ order: v === 'asc' ? 'asc' : 'desc' })}
          w={150}
        />
        <Select label="Rows per page" data={[...PAGE_SIZES]} value={state.limit} allowDeselect={false} onChange={(v) => v && onChange({ limit: v })} w={130} />
        <Button
          variant="subtle"
          onClick={() => onChange({ q: '', status: [], tier: [], source: null, tags: [], tagsMatch: 'any', blocked: null, from: null, to: null })}
        >
          Clear filters
        </Button>
      </Group>
    </form>
  );
}

import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { herald } from '../../client/herald';

/** A customer as the picker shows it. */
export interface CustomerOption {
  value: string;
  label: string;
}

const labelOf = (c: { id: string; fullName?: string | null; email?: string | null; phone?: string | null }): string =>
  [c.fullName, c.email ?? c.phone].filter(Boolean).join(' · ') || c.id;

/**
 * Picks a real customer by name, e-mail or phone (`GET /customers/search`, at least 2 characters,
 * debounced); the server filters, so the picker shows its answer as it is.
 */
export function CustomerPicker({ value, onChange, label }: { value: CustomerOption | null; onChange: (c: CustomerOption | null) => void; label: string }) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const found = useQuery({
    queryKey: ['campaigns', 'customer-search', debounced],
    queryFn: () => herald.customers.search({ q: debounced, limit: 10 }),
    enabled: debounced.length >= 2 && debounced !== value?.label,
  });
  const options: CustomerOption[] = (found.data?.data ?? []).map((c) => ({ value: c.id, label: labelOf(c) }));
  if (value && !options.some((o) => o.value === value.value)) options.unshift(value);
  return (
    <Select
      label={label}
      placeholder="Type 2 letters of a name, e-mail or phone"
      searchable
      clearable
      data={options}
      value={value?.value ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => onChange(options.find((o) => o.value === id) ?? null)}
      filter={({ options: all }) => all}
      nothingFoundMessage={debounced.length < 2 ? 'Type at least 2 characters' : found.isFetching ? 'Searching…' : 'No customer matches'}
      maw={480}
    />
  );
}

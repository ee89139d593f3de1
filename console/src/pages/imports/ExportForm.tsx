import { Button, Group, MultiSelect, Select, Stack, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { herald } from '../../client/herald';

const STATUSES = ['active', 'inactive', 'blocked', 'suspended', 'vip'];
const TIERS = ['regular', 'premium', 'vip'];
const FORMATS = [
  { value: 'csv', label: 'CSV' },
  { value: 'ndjson', label: 'NDJSON (one customer per line)' },
  { value: 'json', label: 'JSON' },
];

/** The export's query string: the customer list's filters (only those set) and the format. */
export function exportQuery(f: {
  search: string;
  status: string[];
  tier: string[];
  tags: string;
  segmentId: string | null;
  blocked: string | null;
  format: string;
}): string {
  const q = new URLSearchParams({ format: f.format });
  if (f.search.trim()) q.set('search', f.search.trim());
  if (f.status.length) q.set('status', f.status.join(','));
  if (f.tier.length) q.set('tier', f.tier.join(','));
  if (f.tags.trim()) q.set('tags', f.tags.trim());
  if (f.segmentId) q.set('segmentId', f.segmentId);
  if (f.blocked) q.set('isBlocked', f.blocked);
  return q.toString();
}

/**
 * Exports customers with the list's filters (`GET /customers/export`) as a download. The button is
 * a link, so the browser streams the file straight to disk, however many customers match.
 */
export function ExportForm() {
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<string[]>([]);
  const [tier, setTier] = useState<string[]>([]);
  const [tags, setTags] = useState('');
  const [segmentId, setSegmentId] = useState<string | null>(null);
  const [blocked, setBlocked] = useState<string | null>(null);
  const [format, setFormat] = useState('csv');
  const segments = useQuery({ queryKey: ['imports', 'segments'], queryFn: () => herald.segments.list({ limit: 100 }) });
  const query = exportQuery({ search, status, tier, tags, segmentId, blocked, format });
  return (
    <Stack>
      <Group align="flex-end">
        <TextInput
          label="Search"
          description="Name, email or phone"
          maxLength={100}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={240}
        />
        <MultiSelect label="Status" data={STATUSES} value={status} onChange={setStatus} clearable w={240} />
        <MultiSelect label="Tier" data={TIERS} value={tier} onChange={setTier} clearable w={220} />
      </Group>
      <Group align="flex-end">
        <TextInput label="Tags" description="Comma-separated; any of them" value={tags} onChange={(e) => setTags(e.currentTarget.value)} w={240} />
        <Select
          label="Segment"
          data={(segments.data?.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          value={segmentId}
          onChange={setSegmentId}
          clearable
          searchable
          placeholder={segments.isPending ? 'Loading segments' : 'Any segment'}
          w={240}
        />
        <Select
          label="Blocked"
          data={[
            { value: 'false', label: 'Not blocked' },
            { value: 'true', label: 'Blocked only' },
          ]}
          value={blocked}
          onChange={setBlocked}
          clearable
          placeholder="Either"
          w={160}
        />
        <Select label="Format" data={FORMATS} value={format} allowDeselect={false} onChange={(v) => v && setFormat(v)} w={260} />
      </Group>
      <Group>
        <Button component="a" href={`/api/v1/customers/export?${query}`} download={`customers.${format}`}>
          Export customers
        </Button>
      </Group>
    </Stack>
  );
}

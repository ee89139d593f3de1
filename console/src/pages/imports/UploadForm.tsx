import { Button, FileInput, Group, Select, Stack, Switch } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { herald } from '../../client/herald';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notify } from '../../components/notify';

type DuplicateMode = 'skip' | 'update' | 'upsert';
const DUPLICATE_MODES: { value: DuplicateMode; label: string }[] = [
  { value: 'skip', label: 'Leave them as they are' },
  { value: 'update', label: 'Update them (only them)' },
  { value: 'upsert', label: 'Update them, create the others' },
];

/** NDJSON for .ndjson / .jsonl files, CSV for anything else. */
const formatOf = (file: File): 'csv' | 'ndjson' => (/\.(ndjson|jsonl)$/i.test(file.name) ? 'ndjson' : 'csv');

/**
 * Uploads a CSV or NDJSON file of customers (`herald.imports.create`, streamed from the file).
 * Herald answers once the rows are staged; the list below then shows the import's progress.
 */
export function UploadForm() {
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [duplicateMode, setDuplicateMode] = useState<DuplicateMode>('skip');
  const [dryRun, setDryRun] = useState(false);
  const upload = useMutation({
    mutationFn: (chosen: File) =>
      herald.imports.create(chosen, {
        format: formatOf(chosen),
        options: { fileName: chosen.name, duplicateMode, dryRun },
      }),
    onSuccess: (created) => {
      notify(`${created.fileName ?? 'The file'}: ${created.progress.total.toLocaleString()} rows queued.`, { title: 'Upload received' });
      setFile(null);
      void client.invalidateQueries({ queryKey: ['imports', 'list'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file) upload.mutate(file);
  };
  return (
    <form onSubmit={submit} aria-label="Upload customers">
      <Stack>
        {upload.isError ? <ErrorAlert error={upload.error} title="The upload was refused" /> : null}
        <Group align="flex-end">
          <FileInput
            label="Customers file"
            description="CSV with a header row, or NDJSON (one customer per line)"
            placeholder="Choose a .csv or .ndjson file"
            accept=".csv,text/csv,.ndjson,.jsonl,application/x-ndjson"
            value={file}
            onChange={setFile}
            clearable
            w={340}
          />
          <Select
            label="Customers who exist already"
            data={DUPLICATE_MODES}
            value={duplicateMode}
            allowDeselect={false}
            onChange={(v) => v && setDuplicateMode(v as DuplicateMode)}
            w={300}
          />
        </Group>
        <Switch label="Dry run: check every row, import nothing" checked={dryRun} onChange={(e) => setDryRun(e.currentTarget.checked)} />
        <Group>
          <Button type="submit" disabled={!file} loading={upload.isPending}>
            Upload and import
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Paper, Stack, Title } from '@mantine/core';
import { useCanWrite } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { ExportForm } from './ExportForm';
import { ImportsTable } from './ImportsTable';
import { UploadForm } from './UploadForm';

/** Imports and exports: upload customers with live progress and downloadable errors; export customers with filters. */
export default function ImportsPage() {
  const canWrite = useCanWrite();
  return (
    <>
      <PageHeader title="Imports & exports" description="Bring customers in from a file, and take them out with filters." />
      <Stack gap="lg">
        {canWrite ? (
          <Paper withBorder p="md" component="section" aria-labelledby="upload-title">
            <Title order={2} size="h4" id="upload-title" mb="sm">
              Import customers
            </Title>
            <UploadForm />
          </Paper>
        ) : null}
        <section aria-labelledby="imports-title">
          <Title order={2} size="h4" id="imports-title" mb="sm">
            Imports
          </Title>
          <ImportsTable canWrite={canWrite} />
        </section>
        <Paper withBorder p="md" component="section" aria-labelledby="export-title">
          <Title order={2} size="h4" id="export-title" mb="sm">
            Export customers
          </Title>
          <ExportForm />
        </Paper>
      </Stack>
    </>
  );
}

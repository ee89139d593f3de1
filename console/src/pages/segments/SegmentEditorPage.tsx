import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { herald } from '../../client/herald';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useEventNames, useFields } from './catalogue';
import { SegmentEditor } from './SegmentEditor';

/**
 * `/segments/new` and `/segments/:segmentId`: loads the segment, the field catalogue and the
 * tenant's event names, then shows the editor (a fresh one per segment, so state never leaks
 * from one segment to the next).
 */
export default function SegmentEditorPage() {
  const { segmentId } = useParams();
  const segment = useQuery({
    queryKey: ['segments', 'detail', segmentId],
    queryFn: () => herald.segments.get(segmentId!),
    enabled: segmentId !== undefined,
    staleTime: 0,
  });
  const fields = useFields();
  const eventNames = useEventNames();
  const failed = segment.error ?? fields.error;
  if (failed)
    return (
      <>
        <PageHeader title="Segment" />
        <ErrorAlert error={failed} />
      </>
    );
  if ((segmentId && segment.isPending) || !fields.data || eventNames.isPending) return <Loading label="Loading the segment" />;
  return <SegmentEditor key={segmentId ?? 'new'} segment={segment.data} fields={fields.data} eventNames={eventNames.data ?? []} />;
}

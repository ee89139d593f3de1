import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { herald } from '../../client/herald';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { JourneyEditor } from './JourneyEditor';
import { journeyKeys } from './queries';

/** A journey (`/journeys/:journeyId`) or a new one (`/journeys/new`): the canvas editor, live counts and the runs. */
export default function JourneyPage() {
  const { journeyId } = useParams();
  const journey = useQuery({
    queryKey: journeyKeys.one(journeyId ?? ''),
    queryFn: () => herald.journeys.get(journeyId!),
    enabled: Boolean(journeyId),
  });
  return (
    <>
      {!journeyId ? <JourneyEditor key="new" journey={null} /> : null}
      {journeyId && journey.isPending ? <Loading label="Loading the journey" /> : null}
      {journeyId && journey.isError ? (
        <>
          <PageHeader title="Journey" />
          <ErrorAlert error={journey.error} />
        </>
      ) : null}
      {journeyId && journey.data ? <JourneyEditor key={journeyId} journey={journey.data} /> : null}
    </>
  );
}

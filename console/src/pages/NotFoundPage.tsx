import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from '../components/PageHeader';

/** A console path that names no page. */
export default function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" />
      <Text>
        Nothing lives at this address.{' '}
        <Anchor component={Link} to="/">
          Back to the overview
        </Anchor>
        .
      </Text>
    </>
  );
}

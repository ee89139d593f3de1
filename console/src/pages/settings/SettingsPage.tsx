import { Tabs } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useSession } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { ApiKeysPanel } from './ApiKeysPanel';
import { MembersPanel } from './MembersPanel';
import { MessagingPanel } from './MessagingPanel';
import { TenantPanel } from './TenantPanel';

/**
 * Settings: people and invitations, API keys, messaging defaults and the workspace. People and
 * keys are for admins only (the API refuses anyone else), so others see only the last two, read-only.
 * The tab is kept in `?tab=` so a link can open it.
 */
export default function SettingsPage() {
  const admin = useSession().role === 'admin';
  const [params, setParams] = useSearchParams();
  const tabs = admin ? ['people', 'api-keys', 'messaging', 'workspace'] : ['messaging', 'workspace'];
  const requested = params.get('tab');
  const tab = requested && tabs.includes(requested) ? requested : tabs[0]!;
  return (
    <>
      <PageHeader title="Settings" description={admin ? undefined : 'Only admins change settings; you can read them.'} />
      <Tabs value={tab} onChange={(value) => value && setParams({ tab: value }, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          {admin ? <Tabs.Tab value="people">People</Tabs.Tab> : null}
          {admin ? <Tabs.Tab value="api-keys">API keys</Tabs.Tab> : null}
          <Tabs.Tab value="messaging">Messaging</Tabs.Tab>
          <Tabs.Tab value="workspace">Workspace</Tabs.Tab>
        </Tabs.List>
        {admin ? (
          <Tabs.Panel value="people">
            <MembersPanel />
          </Tabs.Panel>
        ) : null}
        {admin ? (
          <Tabs.Panel value="api-keys">
            <ApiKeysPanel />
          </Tabs.Panel>
        ) : null}
        <Tabs.Panel value="messaging">
          <MessagingPanel canEdit={admin} />
        </Tabs.Panel>
        <Tabs.Panel value="workspace">
          <TenantPanel canEdit={admin} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

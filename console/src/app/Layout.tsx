import { Anchor, AppShell, Burger, Button, Group, NavLink, Select, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { Loading } from '../components/Loading';
import { api, herald } from '../client/herald';
import { NAVIGATION } from './navigation';
import { useSession, useSignOut } from './session';

/** Lets a person with several tenants move the session to another one; every cached answer is dropped. */
function TenantSwitcher() {
  const me = useSession();
  const client = useQueryClient();
  if (me.memberships.length < 2) {
    const current = me.memberships.find((m) => m.tenantId === me.tenantId);
    return <Text size="sm">{current?.tenantName}</Text>;
  }
  return (
    <Select
      aria-label="Tenant"
      size="xs"
      value={me.tenantId}
      allowDeselect={false}
      data={me.memberships.map((m) => ({ value: m.tenantId, label: m.tenantName }))}
      onChange={async (tenantId) => {
        if (!tenantId || tenantId === me.tenantId) return;
        await herald.call((signal) => api.POST('/api/v1/auth/switch-tenant', { body: { tenantId }, signal }));
        client.clear();
        window.location.assign('/console/');
      }}
    />
  );
}

/** The console's frame: a skip link, the header (tenant, person, sign out), the navigation and the page. */
export function Layout() {
  const [opened, { toggle }] = useDisclosure();
  const me = useSession();
  const signOut = useSignOut();
  const location = useLocation();
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Anchor component={Link} to="/" underline="never" c="inherit">
              <Title order={2} size="h4">
                Herald
              </Title>
            </Anchor>
            <TenantSwitcher />
          </Group>
          <Group gap="sm">
            <Text size="sm" data-testid="signed-in-as">
              {me.user.email} · {me.role}
            </Text>
            <Button variant="default" size="xs" onClick={signOut}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
        <nav aria-label="Main">
          {NAVIGATION.map((item) => (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={item.label}
              active={item.to === '/' ? location.pathname === '/' : location.pathname.startsWith(item.to)}
            />
          ))}
        </nav>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}

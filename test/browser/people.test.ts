import { openConversation } from '../../domain/conversations/store';
import { createUser } from '../../domain/users/provisioning';
import { PASSWORD, screenshot, seriousViolations, startConsoleStack, type ConsoleStack } from '../support/browser';
import { until } from '../support/until';

/**
 * The tenant's people in a real Chromium: Settings → People lists pending invitations (revoked
 * after a confirmation) and changes a member's role; Settings → Workspace renames the tenant;
 * a member (not an admin) assigns an inbox thread to a colleague.
 */
describe('console: people', () => {
  let stack: ConsoleStack;
  let memberEmail: string;

  beforeAll(async () => {
    stack = await startConsoleStack();
    memberEmail = `member-${stack.tenantId.slice(0, 8)}@example.com`;
    await createUser(stack.db, { email: memberEmail, password: PASSWORD, tenantId: stack.tenantId, role: 'member' });
  }, 60_000);
  afterAll(async () => {
    await stack?.close();
  });

  const roleOf = async (email: string) =>
    (
      await stack
        .db('memberships as m')
        .join('users as u', 'u.id', 'm.user_id')
        .where({ 'm.tenant_id': stack.tenantId })
        .whereRaw('lower(u.email) = lower(?)', [email])
        .first('m.role')
    )?.role;

  it('invites someone, lists the invitation as pending, revokes it after confirmation, and changes a member’s role', async () => {
    const { page } = await stack.newPage();
    await page.goto('/console/settings?tab=people');
    const invited = `invited-${stack.tenantId.slice(0, 8)}@example.com`;
    await page.getByLabel('Email to invite').fill(invited);
    await page.getByRole('button', { name: 'Invite' }).click();
    const pending = page.getByRole('table', { name: 'Pending invitations' });
    await pending.getByText(invited).waitFor({ timeout: 30_000 });
    expect(await pending.getByRole('row').filter({ hasText: invited }).textContent()).toContain(stack.email);

    // The member's role is a select; the signed-in admin's own row is not.
    const members = page.getByRole('table', { name: 'Members' });
    await members.getByLabel(`Role of ${memberEmail}`, { exact: true }).waitFor();
    expect(await members.getByLabel(`Role of ${stack.email}`, { exact: true }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'settings-people');

    await members.getByLabel(`Role of ${memberEmail}`, { exact: true }).click();
    await page.getByRole('option', { name: 'read-only' }).click();
    await until(
      () => roleOf(memberEmail),
      (role) => role === 'readonly',
      { timeoutMs: 15_000, label: 'the role change to be saved' },
    );
    await page.getByText(`${memberEmail} is now readonly.`).waitFor({ timeout: 30_000 });
    const audit = await stack.db('audit_log').where({ tenant_id: stack.tenantId, action: 'user.role_changed' });
    expect(audit).toHaveLength(1);

    await pending.getByRole('button', { name: `Revoke the invitation of ${invited}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke this invitation?' });
    await dialog.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Revoke' }).click();
    await page.getByText('No invitation is waiting to be accepted.').waitFor({ timeout: 30_000 });
    expect(await stack.db('user_tokens').where({ tenant_id: stack.tenantId, kind: 'invitation' })).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);

    // Back to member for the inbox test below.
    await members.getByLabel(`Role of ${memberEmail}`, { exact: true }).click();
    await page.getByRole('option', { name: 'member' }).click();
    await until(
      () => roleOf(memberEmail),
      (role) => role === 'member',
      { timeoutMs: 15_000, label: 'the role to be member again' },
    );
  }, 90_000);

  it('renames the workspace: Herald’s refusal of a blank name changes nothing, a new name shows in the frame at once', async () => {
    const { page } = await stack.newPage();
    await page.goto('/console/settings?tab=workspace');
    const name = page.getByLabel('Workspace name');
    await name.waitFor({ timeout: 30_000 });
    expect(await name.inputValue()).toBe('Browser tenant');
    await name.fill('   ');
    await page.getByRole('button', { name: 'Save workspace settings' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'not saved' });
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toContain('name');
    expect((await stack.db('tenants').where({ id: stack.tenantId }).first('name')).name).toBe('Browser tenant');
    expect(await seriousViolations(page)).toEqual([]);

    await name.fill('Acme Marketing');
    await page.getByRole('button', { name: 'Save workspace settings' }).click();
    await page.getByText('The workspace settings are saved.').waitFor({ timeout: 30_000 });
    expect((await stack.db('tenants').where({ id: stack.tenantId }).first('name')).name).toBe('Acme Marketing');
    await page.getByRole('banner').getByText('Acme Marketing').waitFor({ timeout: 30_000 });
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'settings-workspace');
  }, 60_000);

  it('lets a member (not an admin) assign a thread to a colleague', async () => {
    const customer = await stack.server.request('/api/v1/customers', {
      method: 'POST',
      key: stack.adminKey,
      body: { firstName: 'Paula', lastName: 'Parcel', phone: '+14155550142' },
    });
    expect(customer.status).toBe(201);
    const { conversation } = await openConversation(stack.db, stack.tenantId, 'system', {
      customerId: customer.body.data.id,
      channel: 'sms',
      address: '+14155550142',
      subject: 'Where is my parcel?',
      message: { direction: 'inbound', body: 'It has not arrived.', at: new Date() },
    });
    const { page } = await stack.newPage({ email: memberEmail });
    await page.goto(`/console/inbox/${conversation.id}`);
    await page.getByRole('heading', { name: 'Where is my parcel?', level: 2 }).waitFor({ timeout: 30_000 });
    await page.getByRole('combobox', { name: 'Assignee', exact: true }).click();
    // The admin is offered: the member list is readable by every role now.
    await page.getByRole('option', { name: stack.email }).click();
    await until(
      async () => (await stack.db('conversations').where({ id: conversation.id }).first()).assignee,
      (assignee) => assignee === stack.email,
      { timeoutMs: 15_000, label: 'the colleague to be assigned' },
    );
    expect(await seriousViolations(page)).toEqual([]);
  }, 60_000);
});

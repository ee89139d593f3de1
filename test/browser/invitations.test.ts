import { PASSWORD, screenshot, seriousViolations, signIn, startConsoleStack, type ConsoleStack } from '../support/browser';
import { startMailWorker } from './mailWorker';

/**
 * People joining and recovering their accounts in a real Chromium: an invitation mailed through
 * Herald's own e-mail channel (worker + SMTP sink) and accepted from its link, a password reset
 * the same way, and the OpenID provider buttons of the sign-in page.
 */
describe('console: invitations, password reset, sign-in providers', () => {
  let stack: ConsoleStack;
  let mail: Awaited<ReturnType<typeof startMailWorker>>;
  const invited = `invited-${Date.now()}@example.com`;
  const newPassword = 'a brand new passphrase 42';

  beforeAll(async () => {
    // A provider that is configured but never contacted: the button only links to Herald's own route.
    stack = await startConsoleStack({
      OIDC_PROVIDERS: 'acme',
      OIDC_ACME_ISSUER: 'http://127.0.0.1:9/',
      OIDC_ACME_CLIENT_ID: 'console',
      OIDC_ACME_CLIENT_SECRET: 'secret',
    });
    mail = await startMailWorker(stack);
  }, 60_000);
  afterAll(async () => {
    await mail?.close();
    await stack?.close();
  });

  it('invites a person who accepts from the mailed link, lands signed in, signs out and signs in again', async () => {
    const { page } = await stack.newPage();
    await page.goto('/console/settings');
    await page.getByLabel('Email to invite').fill(invited);
    await page.getByRole('button', { name: 'Invite', exact: true }).click();
    await page.getByText(`${invited} can join as member`).waitFor({ timeout: 30_000 });

    const link = await mail.linkTo(invited, 'accept-invitation');
    expect(link.startsWith(`${stack.server.url}/console/accept-invitation?token=`)).toBe(true);
    const fresh = (await stack.newPage({ signIn: false })).page;
    await fresh.goto(link);
    await fresh.getByRole('heading', { name: 'Join Herald' }).waitFor({ timeout: 30_000 });
    expect(await seriousViolations(fresh)).toEqual([]);
    // The console's own check first: two different passwords never reach Herald.
    await fresh.getByLabel(/^New password/).fill(PASSWORD);
    await fresh.getByLabel(/^Repeat the new password/).fill('something else entirely');
    await fresh.getByRole('button', { name: 'Accept and sign in' }).click();
    await fresh.getByText('The two passwords differ.').waitFor();
    expect(await seriousViolations(fresh)).toEqual([]);
    await fresh.getByLabel(/^Repeat the new password/).fill(PASSWORD);
    await fresh.getByRole('button', { name: 'Accept and sign in' }).click();
    await fresh.getByTestId('signed-in-as').waitFor({ timeout: 30_000 });
    expect(await fresh.getByTestId('signed-in-as').textContent()).toContain(`${invited} · member`);

    await fresh.getByRole('button', { name: 'Sign out' }).click();
    await fresh.waitForURL(/\/console\/sign-in/);
    await signIn(fresh, invited, PASSWORD);
    expect(await fresh.getByTestId('signed-in-as').textContent()).toContain(invited);
    const member = await stack
      .db('memberships')
      .join('users', 'users.id', 'memberships.user_id')
      .where({ 'memberships.tenant_id': stack.tenantId, 'users.email': invited })
      .first();
    expect(member.role).toBe('member');

    // The link works once.
    const again = (await stack.newPage({ signIn: false })).page;
    await again.goto(link);
    await again.getByRole('button', { name: 'Accept and sign in' }).click();
    await again.getByRole('alert').filter({ hasText: 'Could not accept' }).waitFor({ timeout: 30_000 });
  });

  it('resets a forgotten password from the mailed link; the old password stops working', async () => {
    const { page } = await stack.newPage({ signIn: false });
    await page.goto('/console/sign-in');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    // The sign-in page has an Email field too: fill only once the reset page (loaded lazily) is on screen.
    await page.getByRole('button', { name: 'Send the link' }).waitFor({ timeout: 30_000 });
    await page.getByLabel('Email').fill(invited);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByText('Check your email').waitFor({ timeout: 30_000 });

    const link = await mail.linkTo(invited, 'reset-password');
    const fresh = (await stack.newPage({ signIn: false })).page;
    await fresh.goto(link);
    await fresh.getByLabel(/^New password/).fill(newPassword);
    await fresh.getByLabel(/^Repeat the new password/).fill(newPassword);
    expect(await seriousViolations(fresh)).toEqual([]);
    await fresh.getByRole('button', { name: 'Set the password' }).click();
    await fresh.getByText('Your password is set').waitFor({ timeout: 30_000 });
    await fresh.getByRole('link', { name: 'Sign in' }).click();
    await fresh.waitForURL(/\/console\/sign-in/);
    await fresh.getByLabel('Email').fill(invited);
    await fresh.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
    await fresh.getByRole('button', { name: 'Sign in' }).click();
    await fresh
      .getByRole('alert')
      .filter({ hasText: /email or password/i })
      .waitFor({ timeout: 30_000 });
    await signIn(fresh, invited, newPassword);
  });

  it('answers an unknown address exactly as a known one, and shows an incomplete link as such', async () => {
    const { page } = await stack.newPage({ signIn: false });
    await page.goto('/console/forgot-password');
    await page.getByLabel('Email').fill('nobody-here@example.com');
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByText('Check your email').waitFor({ timeout: 30_000 });
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto('/console/reset-password');
    await page.getByText('This link is incomplete').waitFor();
    await page.goto('/console/accept-invitation');
    await page.getByText('This link is incomplete').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('offers “Sign in with …” for each configured OpenID provider, linking to Herald’s route', async () => {
    const { page } = await stack.newPage({ signIn: false });
    await page.goto('/console/sign-in');
    const button = page.getByRole('link', { name: 'Sign in with Acme' });
    await button.waitFor({ timeout: 30_000 });
    expect(await button.getAttribute('href')).toBe('/api/v1/auth/acme');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in-providers');
  });
});

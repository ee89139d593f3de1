import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from '../../../domain/users/passwords';
import { MEMBER_ROLES } from '../../../domain/users/types';
import { text } from '../../text';

/** An email address as people type it (matched without regard to case). */
export const EmailField = z.email('must be a valid email address').max(254);

/** A new password: at least MIN_PASSWORD_LENGTH characters, kept exactly as typed (no trimming). */
export const NewPasswordField = text({ min: MIN_PASSWORD_LENGTH, max: 1024, trim: false, message: `must be ${MIN_PASSWORD_LENGTH} to 1024 characters` });

/** Body of `POST /api/v1/auth/login`. */
export const LoginBody = z
  .object({
    email: EmailField,
    password: text({ min: 1, max: 1024, trim: false }),
    tenantId: z.uuid().optional().meta({ description: 'The tenant to act in; the oldest membership when left out' }),
  })
  .strict()
  .meta({ id: 'LoginRequest' });

/** Body of `POST /api/v1/auth/switch-tenant`. */
export const SwitchTenantBody = z.object({ tenantId: z.uuid() }).strict().meta({ id: 'SwitchTenantRequest' });

/** Body of `POST /api/v1/auth/password-reset`. */
export const PasswordResetBody = z.object({ email: EmailField }).strict().meta({ id: 'PasswordResetRequest' });

/** A token from an invitation or reset e-mail. */
const TokenField = text({ min: 1, max: 200 }).meta({ description: 'The token of the e-mailed link' });

/** Body of `POST /api/v1/auth/password-reset/confirm`. */
export const PasswordResetConfirmBody = z.object({ token: TokenField, password: NewPasswordField }).strict().meta({ id: 'PasswordResetConfirmRequest' });

/** Body of `POST /api/v1/auth/invitations/accept`. */
export const AcceptInvitationBody = z
  .object({
    token: TokenField,
    password: NewPasswordField.optional().meta({ description: 'Required when the address has no account yet' }),
  })
  .strict()
  .meta({ id: 'AcceptInvitationRequest' });

/** One of the signed-in person's tenants. */
const MembershipView = z.object({ tenantId: z.uuid(), tenantName: z.string(), role: z.enum(MEMBER_ROLES), createdAt: z.string() }).meta({ id: 'Membership' });

/** `GET /api/v1/auth/me`: who is signed in, where, and the CSRF token their writes carry. */
export const MeResponse = z
  .object({
    data: z.object({
      user: z.object({ id: z.uuid(), email: z.string(), createdAt: z.string(), lastLoginAt: z.string().nullable() }),
      memberships: z.array(MembershipView),
      tenantId: z.uuid(),
      role: z.enum(MEMBER_ROLES),
      csrfToken: z.string().meta({ description: 'Send it as X-CSRF-Token on every write made with the session cookie' }),
      expiresAt: z.string().meta({ description: 'When the session ends unless used again (rolling)' }),
    }),
  })
  .meta({ id: 'Me' });

/** `GET /api/v1/auth/csrf`. */
export const CsrfResponse = z.object({ data: z.object({ csrfToken: z.string() }) }).meta({ id: 'CsrfToken' });

/** `GET /api/v1/auth/providers`: the configured OpenID providers, names only (no issuer, no client id). */
export const ProvidersResponse = z
  .object({ data: z.array(z.object({ name: z.string().meta({ description: 'Sign in at GET /api/v1/auth/{name}' }) })) })
  .meta({ id: 'SignInProviders' });

/** Path of the OpenID routes: the provider's name as configured (OIDC_PROVIDERS). */
export const ProviderParams = z.object({ provider: z.string().regex(/^[a-z][a-z0-9-]{0,30}$/) });

/** Printable ASCII (and spaces), as OAuth 2.0 writes these parameters (RFC 6749 appendix A). */
const oauthText = (max: number) =>
  z
    .string()
    .regex(/^[\x20-\x7e]*$/)
    .max(max);

/**
 * The query the provider redirects back with. openid-client reads the whole URL; these are
 * documented (others, such as Google's `authuser` or `hd`, pass through). Their bounds keep a
 * redirect well under the 16 KB request line, percent-encoded.
 */
export const CallbackQuery = z.object({
  code: oauthText(1024).optional(),
  state: oauthText(512).optional(),
  iss: oauthText(256).optional(),
  error: oauthText(128).optional(),
  error_description: oauthText(512).optional(),
});

/** What the schema's `format: email` cannot say: the address must also pass the stricter check every email field of Herald applies. */
export const EMAIL_RULE = {
  status: 422,
  rule: "email must be an address of the usual form (letters, digits and ._%+-' before the @, a dotted domain)",
} as const;

/**
 * A browser's cookie store, as small as the sign-in tests need: it keeps what `Set-Cookie`
 * headers set (an expiry in the past removes the cookie) and writes the `Cookie` header back.
 * Paths and domains are not matched: each jar talks to one site.
 */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  /** Takes the cookies of a response. */
  take(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((p) => p.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const expires = attributes.find((a) => a.toLowerCase().startsWith('expires='));
      if (!value || (expires && new Date(expires.slice(8)).getTime() <= Date.now())) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** The value of one cookie. */
  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  /** The `Cookie` header to send (empty object when there is none). */
  header(): Record<string, string> {
    return this.cookies.size ? { Cookie: [...this.cookies].map(([n, v]) => `${n}=${v}`).join('; ') } : {};
  }
}

/** Decodes a quoted-printable mail body (soft line breaks and =XX escapes), to read links out of it. */
export const decodeQuotedPrintable = (raw: string): string =>
  raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/**
 * docker-compose.yml and the Dockerfile are for people who have Docker; CI here has no Docker
 * engine, so nothing ever starts them. This suite is what keeps them honest anyway: it parses
 * the compose file the way Compose reads it (YAML merge keys resolved) and checks the wiring
 * that breaks silently when a service is renamed or a line is lost: every service that should
 * be there is, every `depends_on` names a real service with a condition Compose knows, the
 * Herald services share one image and point at hosts that exist, the ports the docs promise
 * are published, and the Dockerfile still runs as `node` with the default command.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { REQUIRED_IN_PRODUCTION } from '../../lib/config';

type Env = Record<string, string | number | boolean | null> | string[];
type Port = string | number | { target: number | string; published?: number | string };
type DependsOn = string[] | Record<string, { condition?: string }>;

interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string | string[];
  entrypoint?: string | string[];
  environment?: Env;
  depends_on?: DependsOn;
  ports?: Port[];
  healthcheck?: { test?: string | string[] };
  volumes?: (string | { type?: string; source?: string; target: string })[];
  configs?: (string | { source: string; target?: string })[];
  restart?: string;
}

interface ComposeFile {
  services?: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
  configs?: Record<string, { content?: string; file?: string }>;
}

const root = path.join(__dirname, '../..');
const composeText = readFileSync(path.join(root, 'docker-compose.yml'), 'utf8');
const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');
const dockerignore = readFileSync(path.join(root, '.dockerignore'), 'utf8');

// Compose resolves `<<:` merge keys; the yaml package does so only when asked (YAML 1.2 dropped them).
const compose = parse(composeText, { merge: true }) as ComposeFile;
const services = compose.services ?? {};

const HERALD = ['herald-migrate', 'herald-api', 'herald-worker'] as const;
const EXPECTED = ['postgres', 'temporal-schema-setup', 'temporal', 'temporal-create-namespace', 'temporal-ui', 'mailpit', ...HERALD];

function service(name: string): ComposeService {
  const found = services[name];
  if (!found) throw new Error(`docker-compose.yml has no service "${name}"`);
  return found;
}

/** depends_on as { target: condition }, whichever of the two forms Compose allows was used. */
function dependencies(svc: ComposeService): Record<string, string> {
  const deps = svc.depends_on;
  if (!deps) return {};
  if (Array.isArray(deps)) return Object.fromEntries(deps.map((name) => [name, 'service_started']));
  return Object.fromEntries(Object.entries(deps).map(([name, spec]) => [name, spec?.condition ?? 'service_started']));
}

/** environment as a map, whichever of the two forms Compose allows was used. */
function environment(svc: ComposeService): Record<string, string> {
  const env = svc.environment;
  if (!env) return {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((entry) => {
        const at = entry.indexOf('=');
        return at < 0 ? [entry, ''] : [entry.slice(0, at), entry.slice(at + 1)];
      }),
    );
  }
  return Object.fromEntries(Object.entries(env).map(([key, value]) => [key, String(value ?? '')]));
}

/** Published ports as "host->container" strings, from the short or the long syntax. */
function publishedPorts(svc: ComposeService): string[] {
  return (svc.ports ?? []).map((port) => {
    if (typeof port === 'object') return `${port.published ?? ''}->${port.target}`;
    const parts = String(port).split('/')[0]!.split(':');
    const target = parts[parts.length - 1]!;
    const published = parts.length >= 2 ? parts[parts.length - 2]! : '';
    return `${published}->${target}`;
  });
}

function commandOf(svc: ComposeService): string {
  const cmd = svc.command;
  return Array.isArray(cmd) ? cmd.join(' ') : (cmd ?? '');
}

describe('docker-compose.yml', () => {
  it('parses to a mapping of services', () => {
    expect(compose).toEqual(expect.objectContaining({ services: expect.any(Object) }));
  });

  it('defines every expected service', () => {
    expect(Object.keys(services).sort()).toEqual(expect.arrayContaining(EXPECTED));
    for (const name of EXPECTED) {
      const svc = service(name);
      expect(svc.image ?? svc.build).toBeTruthy();
    }
  });

  it('points every depends_on at a service that exists, with a condition Compose knows', () => {
    const known = ['service_started', 'service_healthy', 'service_completed_successfully'];
    for (const [name, svc] of Object.entries(services)) {
      for (const [target, condition] of Object.entries(dependencies(svc))) {
        expect({ from: name, target, exists: target in services }).toEqual({ from: name, target, exists: true });
        expect(known).toContain(condition);
        if (condition === 'service_healthy') {
          // Waiting for health on a service that has no healthcheck never finishes.
          expect({ target, healthcheck: Boolean(services[target]?.healthcheck) }).toEqual({ target, healthcheck: true });
        }
      }
    }
  });

  it('orders start-up: schema before Temporal, migrations and namespace before Herald', () => {
    expect(dependencies(service('temporal'))).toMatchObject({
      'temporal-schema-setup': 'service_completed_successfully',
    });
    expect(dependencies(service('temporal-schema-setup'))).toMatchObject({ postgres: 'service_healthy' });
    expect(dependencies(service('herald-migrate'))).toMatchObject({ postgres: 'service_healthy' });
    for (const name of ['herald-api', 'herald-worker']) {
      expect(dependencies(service(name))).toMatchObject({
        'herald-migrate': 'service_completed_successfully',
        'temporal-create-namespace': 'service_completed_successfully',
      });
    }
  });

  it('gives postgres a pg_isready healthcheck and a named volume', () => {
    const pg = service('postgres');
    expect(pg.image).toMatch(/^postgres:16/);
    expect([pg.healthcheck?.test ?? []].flat().join(' ')).toContain('pg_isready');
    // A named volume, not a bind mount: a source that is neither a path nor empty.
    const named = (pg.volumes ?? [])
      .map((v) => (typeof v === 'string' ? v.split(':')[0] : v.source) ?? '')
      .filter((source) => source !== '' && !/^[./~]/.test(source));
    expect(named.length).toBeGreaterThan(0);
    for (const volume of named) expect(Object.keys(compose.volumes ?? {})).toContain(volume);
  });

  it('runs Temporal on the plain server image, set up by admin-tools, never auto-setup', () => {
    const images = Object.values(services).map((svc) => svc.image ?? '');
    expect(images.filter((image) => image.startsWith('temporalio/auto-setup'))).toEqual([]);
    expect(service('temporal').image).toMatch(/^temporalio\/server:\d/);
    expect(service('temporal-schema-setup').image).toMatch(/^temporalio\/admin-tools:\d/);
    expect(service('temporal-create-namespace').image).toMatch(/^temporalio\/admin-tools:\d/);
    expect(service('temporal-ui').image).toMatch(/^temporalio\/ui:\d/);
    expect(commandOf(service('temporal-schema-setup'))).toMatch(/temporal_visibility/);
    // The namespace job must create the namespace Herald is configured to use.
    const namespace = environment(service('herald-api'))['TEMPORAL_NAMESPACE'];
    expect(namespace).toBeTruthy();
    expect(environment(service('temporal-create-namespace'))['DEFAULT_NAMESPACE']).toBe(namespace);
    expect(commandOf(service('temporal-create-namespace'))).toMatch(/temporal operator namespace create/);
  });

  it('pins the tag of every image it pulls', () => {
    for (const [name, svc] of Object.entries(services)) {
      if (svc.build) continue;
      expect({ name, image: svc.image }).toEqual({ name, image: expect.stringMatching(/^[^:]+:(?!latest$)[\w.-]+$/) });
    }
  });

  it('declares every config a service mounts', () => {
    for (const svc of Object.values(services)) {
      for (const ref of svc.configs ?? []) {
        const source = typeof ref === 'string' ? ref : ref.source;
        expect(Object.keys(compose.configs ?? {})).toContain(source);
      }
    }
  });

  it('builds one Herald image from the shared x-herald anchor', () => {
    expect(composeText).toMatch(/^x-herald: &herald$/m);
    const [first, ...rest] = HERALD.map(service);
    expect(first!.build).toBeTruthy();
    expect(first!.image).toBeTruthy();
    for (const other of rest) {
      expect(other.build).toEqual(first!.build);
      expect(other.image).toEqual(first!.image);
      expect(environment(other)).toEqual(environment(first!));
    }
  });

  it.each(HERALD)('%s reaches Postgres and Temporal through services that exist', (name) => {
    const env = environment(service(name));
    expect(env).toMatchObject({ NODE_ENV: 'production', HOST: '0.0.0.0', PORT: '3000' });
    for (const key of ['JWT_SECRET', 'TRACKING_SECRET', 'WEBHOOK_SECRETS_KEY', 'SMTP_URL', 'LOG_LEVEL', 'TEMPORAL_NAMESPACE']) expect(env[key]).toBeTruthy();
    // Production refuses placeholder secrets, so the file ships none: Compose stops with a message
    // naming each unset secret and how to make one (`${NAME:?message}`), never a default (`:-`).
    for (const key of ['JWT_SECRET', 'TRACKING_SECRET', 'WEBHOOK_SECRETS_KEY']) {
      expect({ key, value: env[key] }).toEqual({
        key,
        value: expect.stringMatching(new RegExp(`^\\$\\{${key}:\\?set ${key} \\(openssl rand -hex 32\\)[^}$]*\\}$`)),
      });
    }
    expect(env['TRUST_PROXY']).toBe('${TRUST_PROXY:-}');
    // Links in messages and Twilio's signature check use PUBLIC_URL: no default, Compose stops without it.
    expect(env['PUBLIC_URL']).toMatch(/^\$\{PUBLIC_URL:\?set PUBLIC_URL [^}$]*\}$/);
    // Every variable production requires is set (or demanded) by the file itself.
    for (const key of REQUIRED_IN_PRODUCTION) expect(env[key]).toBeTruthy();

    const db = new URL(env['DATABASE_URL'] ?? '');
    expect(db.protocol).toBe('postgres:');
    expect(Object.keys(services)).toContain(db.hostname);
    expect(db.pathname).toBe('/herald');

    const [temporalHost, temporalPort] = (env['TEMPORAL_ADDRESS'] ?? '').split(':');
    expect(Object.keys(services)).toContain(temporalHost);
    expect(temporalPort).toBe('7233');

    const smtp = new URL(env['SMTP_URL'] ?? '');
    expect(Object.keys(services)).toContain(smtp.hostname);
  });

  it('runs the right command of the compiled CLI in each Herald service', () => {
    expect(commandOf(service('herald-migrate'))).toBe('node dist/bin/cli.js migrate latest');
    expect(commandOf(service('herald-api'))).toBe('node dist/bin/cli.js serve');
    expect(commandOf(service('herald-worker'))).toBe('node dist/bin/cli.js worker');
    expect(service('herald-migrate').restart).toBe('no');
  });

  it('health-checks the API on GET /healthz', () => {
    expect([service('herald-api').healthcheck?.test ?? []].flat().join(' ')).toMatch(/:3000\/healthz/);
  });

  it('publishes the API, the Temporal UI and the Mailpit UI on the documented ports', () => {
    expect(publishedPorts(service('herald-api'))).toContain('3000->3000');
    expect(publishedPorts(service('temporal-ui'))).toContain('8233->8080');
    expect(publishedPorts(service('mailpit'))).toContain('8025->8025');
    expect(service('mailpit').image).toMatch(/^axllent\/mailpit:/);
  });

  it('binds every published port but the API to 127.0.0.1, and publishes no Postgres', () => {
    expect(service('postgres').ports ?? []).toEqual([]);
    for (const [name, svc] of Object.entries(services)) {
      if (name === 'herald-api') continue;
      for (const port of svc.ports ?? [])
        expect({ name, port: typeof port === 'object' ? port : String(port) }).toEqual({ name, port: expect.stringMatching(/^127\.0\.0\.1:\d+:\d+$/) });
    }
    expect(Object.values(services).flatMap((svc) => svc.ports ?? []).length).toBeGreaterThanOrEqual(5);
  });
});

describe('Dockerfile', () => {
  const lines = dockerfile.split('\n').map((line) => line.trim());

  it('builds on node:20-bookworm-slim with production dependencies only', () => {
    expect(dockerfile).toMatch(/node:20-bookworm-slim/);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
  });

  it('runs as the unprivileged node user, exposing 3000, serving by default', () => {
    expect(lines).toContain('USER node');
    expect(lines).toContain('EXPOSE 3000');
    const lastIndex = (prefix: string) => lines.map((line) => line.startsWith(prefix)).lastIndexOf(true);
    const cmds = lines.filter((line) => line.startsWith('CMD '));
    expect(cmds.at(-1)).toBe('CMD ["node", "dist/bin/cli.js", "serve"]');
    // USER must follow the last RUN (installs need root) and precede the CMD it applies to.
    expect(lastIndex('USER node')).toBeGreaterThan(lastIndex('RUN '));
    expect(lastIndex('USER node')).toBeLessThan(lastIndex('CMD '));
  });

  it('compiles every source folder in a build stage and runs only the compiled dist/', () => {
    const build = dockerfile.slice(dockerfile.indexOf(' AS build'), dockerfile.indexOf(' AS runtime'));
    for (const folder of ['api', 'domain', 'rules', 'workflows', 'activities', 'channels', 'temporal', 'db', 'lib', 'migrations', 'bin', 'scripts']) {
      expect({ folder, copied: new RegExp(`^COPY ${folder} `, 'm').test(build) }).toEqual({ folder, copied: true });
    }
    expect(build).toMatch(/^COPY tsconfig\.json tsconfig\.build\.json /m);
    expect(build).toMatch(/^RUN npm run build$/m);
    expect(dockerfile.slice(dockerfile.indexOf(' AS runtime'))).toMatch(/^COPY --from=build \/app\/dist \.\/dist$/m);
  });

  it('keeps local state and secrets out of the build context', () => {
    const ignored = dockerignore.split('\n').map((line) => line.trim());
    for (const entry of ['node_modules', '.data', '.tools', '.git', 'coverage', '*.log', '.env']) {
      expect(ignored).toContain(entry);
    }
  });
});

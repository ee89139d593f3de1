import fs from 'node:fs';
import path from 'node:path';
import { ConfigFields, REQUIRED_IN_PRODUCTION } from '../lib/config';
import { projectRoot } from '../lib/paths';

/**
 * The configuration reference, generated from the zod schema in lib/config.ts so the documents
 * cannot drift from what Herald validates: docs/configuration.md (a table) and .env.example (a file
 * to copy to .env). `npm run docs:config` writes both; test/unit/configReference.test.ts fails
 * while either differs from what this renders.
 */

/** One variable as the documents show it. */
export interface ConfigVariable {
  name: string;
  /** The default as the environment would spell it; undefined when there is none. */
  defaultValue?: string;
  requiredInProduction: boolean;
  description: string;
}

/** The files this script writes, relative to the repository root. */
export const GENERATED_FILES = { reference: 'docs/configuration.md', envExample: '.env.example' } as const;

/** Reads every variable of the schema in its order; throws naming any variable without a description. */
export function configVariables(): ConfigVariable[] {
  const required: readonly string[] = REQUIRED_IN_PRODUCTION;
  return Object.entries(ConfigFields.shape).map(([name, schema]) => {
    if (!schema.description) throw new Error(`${name} has no description in lib/config.ts: add .describe('…') to it`);
    const def = schema._zod.def as { type: string; defaultValue?: unknown };
    return {
      name,
      defaultValue: def.type === 'default' ? String(def.defaultValue) : undefined,
      requiredInProduction: required.includes(name),
      description: schema.description,
    };
  });
}

/** A value inside a Markdown table cell: pipes escaped, empty strings shown as such. */
const cell = (text: string) => text.replace(/\|/g, '\\|');
const code = (text: string) => (text === '' ? '(empty)' : `\`${text}\``);

/** docs/configuration.md: what each variable does, its default and whether production requires it. */
export function renderConfigReference(variables = configVariables()): string {
  const rows = variables.map(
    (v) =>
      `| \`${v.name}\` | ${v.defaultValue === undefined ? '—' : cell(code(v.defaultValue))} | ${v.requiredInProduction ? 'yes' : ''} | ${cell(v.description)} |`,
  );
  return [
    '# Configuration reference',
    '',
    '<!-- Generated from lib/config.ts by `npm run docs:config`; edit the descriptions there, not here. -->',
    '',
    'Herald reads every setting from the environment; a `.env` file in the repository root fills in what',
    'the environment leaves unset (the real environment always wins). Each value is validated when a process',
    'starts: a bad or missing one stops it with one line naming every variable at fault, secrets never echoed.',
    'Empty values count as unset. `.env.example` lists the same variables with their defaults.',
    '',
    `With \`NODE_ENV=production\`, ${REQUIRED_IN_PRODUCTION.map((n) => `\`${n}\``).join(', ')} are required,`,
    'and `JWT_SECRET`, `TRACKING_SECRET` and `WEBHOOK_SECRETS_KEY` (and every earlier key kept in',
    '`JWT_SECRET_PREVIOUS` or `TRACKING_SECRET_PREVIOUS`) must be real secrets: placeholders (`change-me`,',
    '`example`…) and values under 256 bits of estimated entropy are refused. Generate each with',
    '`openssl rand -hex 32`; docs/operations.md ("Secret rotation") says how to change them.',
    '',
    '| Variable | Default | Required in production | What it does |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

/** Splits a description into comment lines of at most `width` characters. */
function commentLines(text: string, width = 110): string[] {
  const lines: string[] = [];
  let line = '#';
  for (const word of text.split(/\s+/)) {
    if (line.length + 1 + word.length > width && line !== '#') {
      lines.push(line);
      line = '#';
    }
    line += ` ${word}`;
  }
  return [...lines, line];
}

/** .env.example: each variable's description as a comment, then `NAME=default`, or `# NAME=` when it has none. */
export function renderEnvExample(variables = configVariables()): string {
  const blocks = variables.map((v) =>
    [
      ...commentLines(v.requiredInProduction ? `${v.description} Required when NODE_ENV=production.` : v.description),
      v.defaultValue === undefined ? `# ${v.name}=` : `${v.name}=${v.defaultValue}`,
    ].join('\n'),
  );
  return [
    '# Herald reads its settings from the environment; a .env file in the repository root fills in whatever the',
    '# environment leaves unset. Copy this file to .env and change what you need. Every value below is the default.',
    '# Generated from lib/config.ts by `npm run docs:config`; docs/configuration.md is the same list as a table.',
    '',
    blocks.join('\n\n'),
    '',
  ].join('\n');
}

/** Both generated files, by path relative to the repository root. */
export function renderGeneratedFiles(): Record<string, string> {
  const variables = configVariables();
  return { [GENERATED_FILES.reference]: renderConfigReference(variables), [GENERATED_FILES.envExample]: renderEnvExample(variables) };
}

if (require.main === module) {
  for (const [file, content] of Object.entries(renderGeneratedFiles())) {
    fs.writeFileSync(path.join(projectRoot, file), content);
    console.log(`wrote ${file}`);
  }
}

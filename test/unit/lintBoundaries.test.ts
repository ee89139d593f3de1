import path from 'node:path';
import { ESLint } from 'eslint';

/**
 * The import boundaries between layers (docs/architecture.md) are enforced by lint. These cases lint snippets as if
 * they lived in each layer and check that a wrong import fails while a right one passes.
 */
// The project's own config, passed in directly: jest's sandbox cannot run ESLint's dynamic config import.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require('../../eslint.config.js');
const eslint = new ESLint({ cwd: path.resolve(__dirname, '../..'), overrideConfigFile: true, overrideConfig: config });

async function errorsFor(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.resolve(__dirname, '../..', file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it.each([
    ['workflows/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n"],
    ['workflows/x.ts', "import fs from 'fs';\nexport const a = fs;\n"],
    ['workflows/x.ts', "import knex from 'knex';\nexport const a = knex;\n"],
    ['workflows/x.ts', "import { createDb } from '../db/knex';\nexport const a = createDb;\n"],
    ['workflows/x.ts', "import { createActivities } from '../activities';\nexport const a = createActivities;\n"],
    ['api/routes/x/routes.ts', "import knex from 'knex';\nexport const a = knex;\n"],
    ['api/routes/x/routes.ts', "import { createDb } from '../../../db/knex';\nexport const a = createDb;\n"],
    ['activities/x.ts', "import { createApp } from '../api/app';\nexport const a = createApp;\n"],
    ['domain/x/service.ts', "import type { Context } from 'koa';\nexport type A = Context;\n"],
    ['domain/messaging/x.ts', "import { systemContext } from '../campaigns/events';\nexport const a = systemContext;\n"],
    ['domain/messaging/x.ts', "import type { Context } from 'koa';\nexport type A = Context;\n"],
    ['rules/x.ts', "import { createDb } from '../db/knex';\nexport const a = createDb;\n"],
    ['sdk/src/x.ts', "import { buildRouter } from '../../api/routes';\nexport const a = buildRouter;\n"],
    ['sdk/src/resources/x.ts', "import { Readable } from 'node:stream';\nexport const a = Readable;\n"],
  ])('%s: rejects %j', async (file, code) => {
    expect((await errorsFor(file, code)).length).toBeGreaterThan(0);
  });

  it.each([
    [
      'workflows/x.ts',
      "import { proxyActivities } from '@temporalio/workflow';\nimport type * as activities from '../activities';\nexport const a = proxyActivities<ReturnType<typeof activities.createActivities>>({ startToCloseTimeout: '1 minute' });\n",
    ],
    ['api/routes/x/routes.ts', "import { createDomain } from '../../../domain';\nexport const a = createDomain;\n"],
    ['activities/x.ts', "import { createDb } from '../db/knex';\nexport const a = createDb;\n"],
    ['domain/campaigns/x.ts', "import { suppressAddress } from '../messaging/suppressions';\nexport const a = suppressAddress;\n"],
    [
      'sdk/src/resources/x.ts',
      "import type { Core } from '../core';\nimport createClient from 'openapi-fetch';\nexport type A = Core;\nexport const b = createClient;\n",
    ],
  ])('%s: allows %j', async (file, code) => {
    expect(await errorsFor(file, code)).toEqual([]);
  });
});

/**
 * `npm run sdk:generate`: writes the SDK's types (sdk/src/generated/openapi.ts) from the OpenAPI
 * document that the route modules build in-process (no server, database or Temporal needed).
 *
 *   --from <url|file>  read the document from a running server or a file instead
 *   --stdout           print the types instead of writing the file (the drift test compares them)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildDocument, GENERATED_FILE, renderTypes } from './renderTypes';

async function loadDocument(from: string | undefined): Promise<unknown> {
  if (!from) return buildDocument();
  if (/^https?:\/\//.test(from)) {
    const res = await fetch(from);
    if (!res.ok) throw new Error(`GET ${from} answered ${res.status}`);
    return res.json();
  }
  return JSON.parse(readFileSync(from, 'utf8'));
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { from: { type: 'string' }, stdout: { type: 'boolean', default: false } } });
  const types = await renderTypes(await loadDocument(values.from));
  if (values.stdout) {
    process.stdout.write(types);
    return;
  }
  writeFileSync(path.join(__dirname, '../..', GENERATED_FILE), types);
  console.log(`wrote ${GENERATED_FILE}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

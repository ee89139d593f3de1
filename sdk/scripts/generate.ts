/**
 * `npm run sdk:generate`: writes the SDK's types (sdk/src/generated/openapi.ts) from the OpenAPI
 * document that the route modules build, with no server, database or Temporal needed.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildDocument, GENERATED_FILE, renderTypes } from './renderTypes';

async function main(): Promise<void> {
  const file = path.join(__dirname, '../..', GENERATED_FILE);
  writeFileSync(file, await renderTypes(buildDocument()));
  console.log(`wrote ${GENERATED_FILE}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

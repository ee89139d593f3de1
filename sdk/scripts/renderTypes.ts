import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { buildOpenApiDocument } from '../../api/openapi';
import { buildRouter } from '../../api/routes';

/** Where the generated types live, relative to the repository root. */
export const GENERATED_FILE = 'sdk/src/generated/openapi.ts';

const HEADER = `/**
 * Herald's API types, generated from its OpenAPI document by openapi-typescript.
 * Do not edit; regenerate with \`npm run sdk:generate\` (a test fails while this file differs from the API).
 */

`;

/** Herald's OpenAPI document, built in-process from the route modules exactly as the server serves it. */
export function buildDocument(): unknown {
  return buildOpenApiDocument(buildRouter().registry);
}

/**
 * Renders the SDK's types from an OpenAPI document. The output depends on the document's content
 * alone: `servers` (which carries the serving host and port) is dropped, and keys are sorted, so
 * the same API always gives the same file whatever order routes register in.
 */
export async function renderTypes(document: unknown): Promise<string> {
  const { servers: _servers, ...rest } = JSON.parse(JSON.stringify(document)) as OpenAPI3;
  const ast = await openapiTS(rest as OpenAPI3, { alphabetize: true, defaultNonNullable: false, silent: true });
  return HEADER + astToString(ast);
}

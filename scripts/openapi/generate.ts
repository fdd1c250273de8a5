import 'reflect-metadata';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { DEV_GATEWAY_URL, OPENAPI_DOCUMENT_FILE } from '../../apps/gateway/src/openapi/openapi-document.js';
import { loadRolePermissions } from '../../apps/gateway/src/principal/role-permissions.js';
import { serviceNames } from '../stack/apps-catalog.js';
import { assertContract } from './contract-checks.js';
import { withMediaExamples } from './media-examples.js';
import { mergeServiceDocuments } from './merge.js';
import { securitySchemes } from './security.js';
import { createServiceDocument } from './service-documents.js';

/** The client scopes documented are the ones the gateway maps to permissions by default. */
const ROLE_PERMISSIONS_FILE = 'config/role-permissions.json';

/** Operation tags, in the order readers meet them; a tag used by an operation but not listed here fails the lint. */
const TAGS = [
  { name: 'cases', description: 'Safeguarding incidents recorded by ICBs and case-management systems.' },
  { name: 'reviews', description: 'The statutory review of a case: stages with dates, pauses, conversion of a rapid review, sign-off and publication, targets with RAG.' },
  { name: 'reviews: learning', description: 'Recommendations and their actions, learning embedded and re-audit, contributory factors, lessons, good practice, dissemination; repeated recommendations; "my work".' },
  { name: 'reference data', description: 'Organisations (NHS England, regions, ICBs) and code lists.' },
  { name: 'reference data: calendar', description: 'England and Wales bank holidays and working-day arithmetic for deadlines.' },
  { name: 'reference data: timescales', description: 'Versioned review timescale targets: national defaults and ICB overrides, edited as drafts and published.' },
  { name: 'reference data: code lists', description: 'Versioned code lists (review types, abuse themes...): read as in force on a date, edited as drafts and published to every service.' },
  { name: 'reference data: safeguarding partnerships', description: 'Local safeguarding partnerships (LSCP, SAB, CSP) and the local authorities and ICBs they cover.' },
  { name: 'reports', description: 'Aggregates for oversight, limited to the caller\'s scope.' },
];

/** The public API of every service behind the gateway, as one OpenAPI 3.1 document; throws when it breaks a contract rule. */
export async function buildOpenApiDocument(root: string): Promise<OpenAPIObject> {
  const documents = [];
  for (const service of serviceNames) {
    documents.push({ service, document: await createServiceDocument(service) });
  }
  const { paths, components } = mergeServiceDocuments(documents);
  const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
  const { clientScopes } = loadRolePermissions(join(root, ROLE_PERMISSIONS_FILE));
  return assertContract(withMediaExamples({
    openapi: '3.1.0',
    info: {
      title: 'Safeguarding Case Review Tracker API',
      version,
      description: 'Records safeguarding incidents and the reviews that follow. Errors are RFC 9457 `application/problem+json`.',
      contact: { name: 'SCRT service team', url: 'https://scrt.nhs.uk/support', email: 'scrt.support@nhs.net' },
      license: { name: 'Open Government Licence v3.0', url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/' },
    },
    // The gateway serves this document with its own GATEWAY_PUBLIC_URL here.
    servers: [{ url: DEV_GATEWAY_URL, description: 'The gateway' }],
    tags: TAGS,
    paths,
    components: { ...components, securitySchemes: { ...components?.securitySchemes, ...securitySchemes(clientScopes) } },
  }));
}

/** The exact bytes committed: two-space JSON with a trailing newline. */
export function renderOpenApiDocument(document: OpenAPIObject): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

export class StaleOpenApiDocumentError extends Error {
  constructor() {
    super(`${OPENAPI_DOCUMENT_FILE} is out of date with the services' code: run \`npm run openapi\` and commit the result`);
    this.name = 'StaleOpenApiDocumentError';
  }
}

/** `npm run openapi` writes the document; `npm run openapi -- --check` fails when it is stale. */
export async function main(args: string[], root: string): Promise<void> {
  const unknown = args.filter((arg) => arg !== '--check');
  if (unknown.length > 0) throw new Error(`unknown arguments: ${unknown.join(' ')} (only --check)`);
  const target = join(root, OPENAPI_DOCUMENT_FILE);
  const rendered = renderOpenApiDocument(await buildOpenApiDocument(root));
  if (args.includes('--check')) {
    const committed = await readFile(target, 'utf8').catch(() => undefined);
    if (committed !== rendered) throw new StaleOpenApiDocumentError();
    console.log(`${OPENAPI_DOCUMENT_FILE} is up to date`);
    return;
  }
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, rendered);
  console.log(`wrote ${OPENAPI_DOCUMENT_FILE}`);
}

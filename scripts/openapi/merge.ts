import { isDeepStrictEqual } from 'node:util';
import type { OpenAPIObject } from '@nestjs/swagger';
import { operationsOf, type Components, type Paths } from './document-types.js';

export interface ServiceDocument {
  service: string;
  document: OpenAPIObject;
}

/** Two services declared the same thing: the merged document would silently lose one. */
export class OpenApiCollisionError extends Error {
  constructor(readonly collisions: string[]) {
    super(`OpenAPI documents of the services collide:\n  - ${collisions.join('\n  - ')}`);
    this.name = 'OpenApiCollisionError';
  }
}

function sortedByKey<T>(entries: Iterable<[string, T]>): Record<string, T> {
  return Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Each path belongs to one service: the gateway routes by path. */
function mergePaths(documents: ServiceDocument[], collisions: string[]): Paths {
  const owners = new Map<string, string>();
  const paths = new Map<string, Paths[string]>();
  for (const { service, document } of documents) {
    for (const [path, item] of Object.entries(document.paths)) {
      const owner = owners.get(path);
      if (owner) collisions.push(`path ${path} is declared by ${owner} and ${service}`);
      owners.set(path, service);
      paths.set(path, item);
    }
  }
  return sortedByKey(paths);
}

/** Operation ids must be unique in a document; generated clients name their methods after them. */
function findDuplicateOperationIds(documents: ServiceDocument[], collisions: string[]): void {
  const owners = new Map<string, string>();
  for (const { service, document } of documents) {
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, { operationId }] of operationsOf(item)) {
        if (!operationId) continue;
        const where = `${service} ${method.toUpperCase()} ${path}`;
        const owner = owners.get(operationId);
        if (owner) collisions.push(`operationId ${operationId} is used by ${owner} and ${where}`);
        else owners.set(operationId, where);
      }
    }
  }
}

/**
 * Components (schemas, responses, parameters...) are shared by name. The same definition from a
 * shared library is one component; a different definition under the same name is a collision.
 */
function mergeComponents(documents: ServiceDocument[], collisions: string[]): Components {
  const sections = new Map<string, Map<string, { service: string; definition: unknown }>>();
  for (const { service, document } of documents) {
    for (const [section, definitions] of Object.entries(document.components ?? {})) {
      const merged = sections.get(section) ?? new Map();
      sections.set(section, merged);
      for (const [name, definition] of Object.entries(definitions as Record<string, unknown>)) {
        const existing = merged.get(name);
        if (existing && !isDeepStrictEqual(existing.definition, definition)) {
          collisions.push(`components.${section}.${name} is defined differently by ${existing.service} and ${service}`);
        }
        if (!existing) merged.set(name, { service, definition });
      }
    }
  }
  return sortedByKey(
    [...sections]
      .filter(([, definitions]) => definitions.size > 0)
      .map(([section, definitions]) => [section, sortedByKey([...definitions].map(([name, { definition }]) => [name, definition]))]),
  ) as Components;
}

/** The services' paths and components in one document, in a stable order; throws on any collision. */
export function mergeServiceDocuments(documents: ServiceDocument[]): Pick<OpenAPIObject, 'paths' | 'components'> {
  const collisions: string[] = [];
  const paths = mergePaths(documents, collisions);
  findDuplicateOperationIds(documents, collisions);
  const components = mergeComponents(documents, collisions);
  if (collisions.length > 0) throw new OpenApiCollisionError(collisions);
  return { paths, components };
}

import type { GatewayEnv } from '../config/gateway.config.js';

export type UpstreamService = 'case-intake' | 'reviews' | 'reference-data' | 'reporting';

/** Which service owns which part of `/api/v1`: the first path segment decides. */
const OWNERS: Record<string, UpstreamService> = {
  cases: 'case-intake',
  reviews: 'reviews',
  'reference-data': 'reference-data',
  reports: 'reporting',
};

export function ownerOf(apiPath: string): UpstreamService | undefined {
  const firstSegment = apiPath.replace(/^\/api\/v1\//, '').split(/[/?]/)[0];
  return Object.hasOwn(OWNERS, firstSegment) ? OWNERS[firstSegment] : undefined;
}

export function baseUrlOf(service: UpstreamService, config: GatewayEnv): string {
  const urls: Record<UpstreamService, string> = {
    'case-intake': config.CASE_INTAKE_URL,
    reviews: config.REVIEWS_URL,
    'reference-data': config.REFERENCE_DATA_URL,
    reporting: config.REPORTING_URL,
  };
  return urls[service];
}

import { DomainError } from '@scrt/http';

export class UnknownApiRouteError extends DomainError {
  constructor(path: string) {
    super('NOT_FOUND', 404, 'Not found', `No API route ${path}.`);
  }
}

export class UpstreamUnavailableError extends DomainError {
  constructor(service: string) {
    super('UPSTREAM_UNAVAILABLE', 503, 'Service unavailable', `The ${service} service did not answer; try again shortly.`);
  }
}

import type { FastifyRequest } from 'fastify';
import { HostRequiredError, MethodNotAllowedError, UnsupportedCharsetError, UnsupportedContentEncodingError, UnsupportedMediaTypeError } from './http-errors.js';

/** Every method any route of these apps serves; anything else is refused before routing. */
export const ALLOWED_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** Paths of the JSON API (services and gateway alike); other paths (sign-in forms) keep their own parsers. */
const isApiPath = (url: string) => url.startsWith('/api/');

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** Media type and parameters of a Content-Type value, lower-cased, quotes removed. */
export function parseMediaType(value: string): { essence: string; parameters: Map<string, string> } {
  const [essence, ...parameters] = value.split(';');
  return {
    essence: essence.trim().toLowerCase(),
    parameters: new Map(
      parameters.map((parameter) => {
        const [name, ...rest] = parameter.split('=');
        return [name.trim().toLowerCase(), rest.join('=').trim().replace(/^"(.*)"$/, '$1').toLowerCase()];
      }),
    ),
  };
}

/** Refusals every request goes through first; each throws a typed error the problem handler answers. */
export function assertAcceptableRequest(request: FastifyRequest): void {
  if (!(ALLOWED_METHODS as readonly string[]).includes(request.method)) throw new MethodNotAllowedError(request.method);
  if (request.raw.httpVersion === '1.1' && !request.headers.host) throw new HostRequiredError();
  if (!hasBody(request)) return;
  const encoding = request.headers['content-encoding'];
  if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') throw new UnsupportedContentEncodingError(encoding);
  if (isApiPath(request.url)) assertJsonBody(request.headers['content-type']);
}

function assertJsonBody(contentType: string | undefined): void {
  if (!contentType) throw new UnsupportedMediaTypeError('A body needs Content-Type: application/json.');
  const { essence, parameters } = parseMediaType(contentType);
  if (essence !== 'application/json') throw new UnsupportedMediaTypeError(`Bodies must be application/json; got ${essence}.`);
  const charset = parameters.get('charset');
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') throw new UnsupportedCharsetError(charset);
}

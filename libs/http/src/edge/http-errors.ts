import { DomainError } from '../domain-error.js';

/** Refusals made at the HTTP edge, before any controller runs. */
export class BodyTooDeepError extends DomainError {
  constructor(maxDepth: number) {
    super('BODY_TOO_DEEP', 400, 'Body nested too deeply', `JSON bodies may nest objects and arrays at most ${maxDepth} levels deep.`);
  }
}

export class UnsupportedMediaTypeError extends DomainError {
  constructor(detail: string) {
    super('UNSUPPORTED_MEDIA_TYPE', 415, 'Unsupported media type', detail);
  }
}

export class UnsupportedCharsetError extends DomainError {
  constructor(charset: string) {
    super('UNSUPPORTED_CHARSET', 415, 'Unsupported charset', `Bodies must be UTF-8; got charset ${charset}.`);
  }
}

export class UnsupportedContentEncodingError extends DomainError {
  constructor(encoding: string) {
    super('UNSUPPORTED_CONTENT_ENCODING', 415, 'Unsupported content encoding', `Content-Encoding ${encoding} is not accepted; send the body unencoded.`);
  }
}

export class MethodNotAllowedError extends DomainError {
  constructor(method: string) {
    super('METHOD_NOT_ALLOWED', 405, 'Method not allowed', `The method ${method} is not supported here.`);
  }
}

export class HostRequiredError extends DomainError {
  constructor() {
    super('HOST_REQUIRED', 400, 'Host header required', 'HTTP/1.1 requests must carry a Host header.');
  }
}

export class BadUrlError extends DomainError {
  constructor() {
    super('BAD_URL', 400, 'Bad URL', 'The URL is not valid: check its percent-encoding.');
  }
}

export class UriTooLongError extends DomainError {
  constructor() {
    super('URI_TOO_LONG', 414, 'URI too long', 'A path segment is longer than 100 characters.');
  }
}

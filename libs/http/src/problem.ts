/** One field-level complaint inside a problem document. */
export interface FieldProblem {
  /** Dotted path of the field (`themes.1`), or a header's name. */
  field: string;
  /** The same place as a JSON pointer into the request (`/themes/1`); made from `field` when not given. */
  pointer?: string;
  code: string;
  message: string;
}

/** RFC 6901 JSON pointer of a dotted field path: `themes.1` is `/themes/1`. */
export function pointerOf(field: string): string {
  return field
    .split('.')
    .map((segment) => `/${segment.replaceAll('~', '~0').replaceAll('/', '~1')}`)
    .join('');
}

/** RFC 9457 problem details, with the stable `code` clients switch on. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  correlationId?: string;
  /** The server's id of the request: the key of its audit records. */
  requestId?: string;
  errors?: FieldProblem[];
  /** Present only when `errors` was cut short: how many problems there were in all. */
  errorsTotal?: number;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemTypeUri(code: string): string {
  return `https://scrt.nhs.uk/problems/${code.toLowerCase().replace(/_/g, '-')}`;
}

const TIMEOUT_MS = 10_000;

export interface JsonResponse {
  status: number;
  ok: boolean;
  body: Record<string, unknown>;
}

/** A JSON request to the identity provider; throws on network failure, timeout or a non-JSON body. */
export async function fetchJson(url: string, init: RequestInit = {}): Promise<JsonResponse> {
  const response = await fetch(url, {
    ...init,
    headers: { accept: 'application/json', ...init.headers },
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${init.method ?? 'GET'} ${url} answered ${response.status} with a body that is not JSON`);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new Error(`${init.method ?? 'GET'} ${url} answered ${response.status} with JSON that is not an object`);
  }
  return { status: response.status, ok: response.ok, body: body as Record<string, unknown> };
}

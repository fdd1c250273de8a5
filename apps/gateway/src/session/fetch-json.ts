const TIMEOUT_MS = 10_000;

export interface JsonResponse {
  status: number;
  ok: boolean;
  body: Record<string, unknown>;
}

/** A request to the identity provider that must answer a JSON object (even for errors). */
export async function fetchJson(url: string, init: RequestInit): Promise<JsonResponse> {
  const response = await fetch(url, { ...init, headers: { accept: 'application/json', ...init.headers }, signal: AbortSignal.timeout(TIMEOUT_MS) });
  const body: unknown = await response.json().catch(() => undefined);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new Error(`${init.method ?? 'GET'} ${url} answered ${response.status} without a JSON object`);
  }
  return { status: response.status, ok: response.ok, body: body as Record<string, unknown> };
}

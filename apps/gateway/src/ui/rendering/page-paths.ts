/** Paths the browser pages live under; the API, probes and assets answer as they always did. */
export function isPagePath(url: string): boolean {
  return !/^\/(api|health|assets)(\/|$|\?)/.test(url);
}

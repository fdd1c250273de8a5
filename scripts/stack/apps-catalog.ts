/** The back-end services behind the gateway, in the order of their default ports (3201...). */
export const serviceNames = ['case-intake', 'reviews', 'reference-data', 'reporting'] as const;
export type ServiceName = (typeof serviceNames)[number];

export const appNames = ['dev-identity', ...serviceNames, 'gateway'] as const;
export type AppName = (typeof appNames)[number];

export function isAppName(name: string): name is AppName {
  return (appNames as readonly string[]).includes(name);
}

/** Where `npm run build` puts an app's entry point, relative to the repository root. */
export function appEntryPoint(app: AppName): string {
  return `dist/apps/${app}/src/main.js`;
}

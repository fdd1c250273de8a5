import { createHealthModule, type ReadinessCheck } from '@scrt/http';
import { DATABASE, databaseReadinessCheck, type PrismaLike } from '@scrt/persistence';
import { AuthModule } from '../auth/auth.module.js';
import { OidcIssuer } from '../auth/issuer.js';
import { GatewayEnv } from '../config/gateway.config.js';
import { baseUrlOf, type UpstreamService } from '../proxy/routes.js';

const UPSTREAMS: UpstreamService[] = ['case-intake', 'reviews', 'reference-data', 'reporting'];

function upstreamCheck(service: UpstreamService, config: GatewayEnv): ReadinessCheck {
  return {
    name: service,
    check: async () => {
      const response = await fetch(new URL('/health/ready', baseUrlOf(service, config)), { signal: AbortSignal.timeout(3000) });
      if (!response.ok) throw new Error(`answered ${response.status}`);
    },
  };
}

/** Ready only when its database (sessions, audit), the identity provider and every service behind the gateway answer. */
export const HealthModule = createHealthModule({
  imports: [AuthModule],
  inject: [GatewayEnv, OidcIssuer, DATABASE],
  checks: (config: GatewayEnv, issuer: OidcIssuer, database: PrismaLike) => [
    databaseReadinessCheck(database),
    { name: 'identity-provider', check: async () => void (await issuer.discover()) },
    ...UPSTREAMS.map((service) => upstreamCheck(service, config)),
  ],
});

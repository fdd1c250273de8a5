import type { Provider } from '@nestjs/common';
import { READINESS_CHECKS, type ReadinessCheck } from '@scrt/http';
import { OidcProviderHost } from '../provider/oidc-provider.host.js';

/** Ready once the OpenID provider is built (signing keys loaded or created). */
export const readinessChecks: Provider = {
  provide: READINESS_CHECKS,
  inject: [OidcProviderHost],
  useFactory: (host: OidcProviderHost): ReadinessCheck[] => [
    {
      name: 'oidc-provider',
      check: async () => {
        if (!host.ready) throw new Error('not initialised');
      },
    },
  ],
};

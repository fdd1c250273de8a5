import { bootstrapService } from '@scrt/http';
import { AppModule } from './app.module.js';
import { DevIdentityEnv } from './config/dev-identity.config.js';
import { mountOidcProvider } from './provider/mount-oidc-provider.js';

await bootstrapService({
  serviceName: 'dev-identity',
  configClass: DevIdentityEnv,
  module: (config) => AppModule.register(config),
  configure: (app) => mountOidcProvider(app),
});

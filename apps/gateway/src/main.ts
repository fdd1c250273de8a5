import { bootstrapService } from '@scrt/http';
import { AppModule } from './app.module.js';
import { GatewayEnv } from './config/gateway.config.js';
import { configureEdge } from './edge.js';
import { mountApiExplorer } from './openapi/api-explorer.js';

await bootstrapService({
  serviceName: 'gateway',
  configClass: GatewayEnv,
  module: (config) => AppModule.register(config),
  trustedProxies: (config) => config.TRUSTED_PROXIES,
  configure: async (app, config) => {
    await configureEdge(app, config);
    mountApiExplorer(app, config);
  },
});

import { bootstrapService } from '@scrt/http';
import { connectConsumers } from '@scrt/messaging';
import { AppModule, GATEWAY_SERVICE_NAME } from './app.module.js';
import { GatewayEnv } from './config/gateway.config.js';
import { configureEdge } from './edge.js';
import { mountApiExplorer } from './openapi/api-explorer.js';
import { configurePages } from './ui/rendering/pages.js';

await bootstrapService({
  serviceName: GATEWAY_SERVICE_NAME,
  configClass: GatewayEnv,
  module: (config) => AppModule.register(config),
  trustedProxies: (config) => config.TRUSTED_PROXIES,
  configure: async (app, config) => {
    await configureEdge(app, config);
    await configurePages(app);
    mountApiExplorer(app, config);
    await connectConsumers(app, { serviceName: GATEWAY_SERVICE_NAME, brokers: config.KAFKA_BROKERS, logLevel: config.LOG_LEVEL });
  },
});

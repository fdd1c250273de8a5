import { bootstrapService } from '@scrt/http';
import { AppModule } from './app.module.js';
import { GatewayEnv } from './config/gateway.config.js';
import { configureEdge } from './edge.js';

await bootstrapService({
  serviceName: 'gateway',
  configClass: GatewayEnv,
  module: (config) => AppModule.register(config),
  configure: configureEdge,
});

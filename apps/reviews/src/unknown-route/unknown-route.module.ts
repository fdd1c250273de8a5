import { Module } from '@nestjs/common';
import { UnknownRouteController } from './unknown-route.controller.js';
import { UnknownRouteService } from './unknown-route.service.js';

/** Import last: its catch-all route must not shadow the routes of the modules before it. */
@Module({ controllers: [UnknownRouteController], providers: [UnknownRouteService] })
export class UnknownRouteModule {}

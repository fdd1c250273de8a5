import { Controller, Get, HttpCode, Inject, ServiceUnavailableException, type DynamicModule, type InjectionToken } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from './public.decorator.js';

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

/** A dependency that must answer before the app is ready (database, broker, upstream). */
export interface ReadinessCheck {
  name: string;
  /** Rejects when the dependency is down; may resolve with details to show (state, counts). */
  check(): Promise<unknown>;
}

@ApiExcludeController()
@Public()
@Controller('health')
export class HealthController {
  constructor(@Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[]) {}

  @Get('live')
  @HttpCode(200)
  live() {
    return { status: 'up' };
  }

  @Get('ready')
  async ready() {
    const results = await Promise.all(
      this.checks.map(async ({ name, check }) => {
        try {
          const detail = await check();
          return { name, status: 'up' as const, ...(typeof detail === 'object' && detail !== null ? { detail } : {}) };
        } catch (error) {
          return { name, status: 'down' as const, error: (error as Error).message };
        }
      }),
    );
    if (results.some((result) => result.status === 'down')) {
      throw new ServiceUnavailableException(results.filter((r) => r.status === 'down').map((r) => `${r.name}: ${r.error}`).join('; '));
    }
    return { status: 'up', checks: results };
  }
}

/** The health module of an app: the shared controller with the app's own readiness checks. */
export function createHealthModule(options: {
  imports?: DynamicModule['imports'];
  inject: InjectionToken[];
  checks: (...dependencies: never[]) => ReadinessCheck[];
}): DynamicModule {
  return {
    module: class HealthModule {},
    imports: options.imports,
    controllers: [HealthController],
    providers: [{ provide: READINESS_CHECKS, useFactory: options.checks, inject: options.inject }],
  };
}

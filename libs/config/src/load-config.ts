import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

/** Thrown at boot when the environment does not satisfy an app's config class. */
export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigurationError';
  }
}

function describe(error: ValidationError): string {
  if (error.value === undefined || error.value === '') return `${error.property} is missing`;
  return `${error.property} is invalid: ${Object.values(error.constraints ?? {}).join('; ')}`;
}

/**
 * Reads and validates configuration from the environment into an instance of `configClass`
 * (class-validator decorators, implicit conversion of numbers and booleans). Fails fast,
 * naming every missing or malformed variable.
 */
export function loadConfig<T extends object>(
  configClass: new () => T,
  env: Record<string, string | undefined> = process.env,
): T {
  const config = plainToInstance(configClass, { ...env }, { enableImplicitConversion: true, exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: true, forbidUnknownValues: false });
  if (errors.length > 0) throw new ConfigurationError(errors.map(describe));
  return config;
}

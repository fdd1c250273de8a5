import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, Min } from 'class-validator';

const LogLevels = ['error', 'warn', 'info', 'debug'] as const;

/** What every app needs: where to listen and how much to log. */
export class AppEnv {
  @IsInt() @Min(1) @Max(65535) PORT: number;
  /** Interface to listen on: loopback unless a deployment (a container) needs `0.0.0.0`. */
  @IsString() @IsNotEmpty() HOST: string = '127.0.0.1';
  @IsIn(LogLevels) LOG_LEVEL: (typeof LogLevels)[number] = 'info';
}

/** A service behind the gateway: it trusts only the gateway's internal token. */
export class ServiceEnv extends AppEnv {
  @IsString() @Matches(/-----BEGIN PUBLIC KEY-----/, { message: 'INTERNAL_JWT_PUBLIC_KEY must be a PEM public key' })
  INTERNAL_JWT_PUBLIC_KEY: string;
}

export class DatabaseServiceEnv extends ServiceEnv {
  @IsString() @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgresql:// URL' })
  DATABASE_URL: string;
}

/** A service that produces or consumes events. */
export class MessagingServiceEnv extends DatabaseServiceEnv {
  @IsString() @IsNotEmpty() @Matches(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, { message: 'KAFKA_BROKERS must be host:port[,host:port...]' })
  KAFKA_BROKERS: string;
}

/** Parses "true"/"false" environment values (implicit conversion would make "false" true). */
export const BooleanFromEnv = () =>
  Transform(({ obj, key }) => {
    const raw = obj[key];
    if (raw === undefined) return undefined;
    return raw === true || raw === 'true' ? true : raw === false || raw === 'false' ? false : raw;
  });

import { IsInt, IsString, IsUrl, Matches, Max, Min, MinLength } from 'class-validator';
import { Transform } from 'class-transformer';
import { AppEnv } from '@scrt/config';

const url = { require_tld: false, require_protocol: true };
const TRUSTED_PROXY = /^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)$/;

export class GatewayEnv extends AppEnv {
  /** The edge: reachable from outside by default, unlike the services behind it. */
  override HOST: string = '0.0.0.0';
  @IsUrl(url) OIDC_ISSUER: string;
  @IsString() OIDC_AUDIENCE = 'urn:scrt:api';
  @IsString() OIDC_CLIENT_ID = 'scrt-gateway';
  @IsString() @MinLength(8) OIDC_CLIENT_SECRET: string;
  /** The gateway's own origin as browsers reach it (redirect URIs, cookies). */
  @IsUrl(url) GATEWAY_PUBLIC_URL: string;
  /** Key material for the session cookie (at least 32 characters). */
  @IsString() @MinLength(32) SESSION_SECRET: string;
  /** The gateway's own schema: server-side browser sessions and the audit of refused requests. */
  @IsString() @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgresql:// URL' }) DATABASE_URL: string;
  /** A browser session ends after this long without a request... */
  @IsInt() @Min(60) SESSION_IDLE_TIMEOUT_SECONDS: number = 30 * 60;
  /** ...and at the latest this long after sign-in, however active. */
  @IsInt() @Min(60) SESSION_ABSOLUTE_LIFETIME_SECONDS: number = 8 * 60 * 60;
  /** How often ended and expired session rows are deleted. */
  @IsInt() @Min(1) SESSION_PURGE_INTERVAL_SECONDS: number = 15 * 60;
  @IsString() @Matches(/-----BEGIN PRIVATE KEY-----/, { message: 'INTERNAL_JWT_PRIVATE_KEY must be a PKCS8 PEM private key' })
  INTERNAL_JWT_PRIVATE_KEY: string;
  @IsUrl(url) CASE_INTAKE_URL: string;
  @IsUrl(url) REVIEWS_URL: string;
  @IsUrl(url) REFERENCE_DATA_URL: string;
  @IsUrl(url) REPORTING_URL: string;
  /** The broker of the gateway's local copy of the organisation hierarchy (tier derivation). */
  @IsString() @Matches(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, { message: 'KAFKA_BROKERS must be host:port[,host:port...]' }) KAFKA_BROKERS: string;
  /** Role and scope to permission mapping (JSON file). */
  @IsString() ROLE_PERMISSIONS_FILE = 'config/role-permissions.json';
  /** Requests per client per window before 429. */
  @IsInt() @Min(1) @Max(100000) RATE_LIMIT_MAX: number = 300;
  @IsInt() @Min(1000) RATE_LIMIT_WINDOW_MS: number = 60000;
  /**
   * Reverse proxies (addresses, CIDR ranges, or `loopback`, `linklocal`, `uniquelocal`), comma-separated,
   * whose X-Forwarded-For decides the client address for the rate limit. None by default: the peer address counts.
   */
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((entry) => entry.trim()).filter(Boolean) : value))
  @IsString({ each: true })
  @Matches(TRUSTED_PROXY, { each: true, message: 'TRUSTED_PROXIES must be comma-separated IP addresses, CIDR ranges, loopback, linklocal or uniquelocal' })
  TRUSTED_PROXIES: string[] = [];
  /** Access tokens issued longer ago than this are refused, whatever their `exp`. */
  @IsInt() @Min(60) @Max(24 * 60 * 60) ACCESS_TOKEN_MAX_AGE_SECONDS: number = 3600;
}

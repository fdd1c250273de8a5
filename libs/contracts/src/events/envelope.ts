import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsISO8601, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { ScopeTiers, type ScopeTier } from '../auth/principal.js';

/** Who caused an event (the principal of the request that made the change). */
export class EventActor {
  @IsString() @MaxLength(200) subject: string;
  @IsIn(['user', 'client', 'system']) kind: 'user' | 'client' | 'system';
  @IsOptional() @Matches(/^[A-Z0-9]{3,5}$/) organisationCode?: string;
  @IsOptional() @IsIn(ScopeTiers) tier?: ScopeTier;
}

/**
 * The envelope every event travels in. `payload` is validated separately against the event's
 * own class (see `EventContract`).
 */
export class EventEnvelope<P = unknown> {
  @IsUUID() eventId: string;
  @IsString() @MaxLength(200) type: string;
  @IsInt() @Min(1) version: number;
  @IsISO8601({ strict: true }) occurredAt: string;
  @IsString() @MaxLength(100) correlationId: string;
  @IsOptional() @IsString() @MaxLength(100) causationId?: string;
  @IsString() @MaxLength(100) producer: string;
  @IsString() @MaxLength(100) aggregateId: string;
  @IsDefined() @ValidateNested() @Type(() => EventActor) actor: EventActor;
  @IsObject() payload: P;
}

/** Ties an event type and version to its topic and payload class. */
export interface EventContract<P extends object> {
  readonly type: string;
  readonly version: number;
  readonly topic: string;
  readonly payloadClass: new () => P;
  /** The aggregate id: the Kafka message key. */
  aggregateIdOf(payload: P): string;
}

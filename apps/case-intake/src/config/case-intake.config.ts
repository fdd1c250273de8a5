import { IsBoolean } from 'class-validator';
import { BooleanFromEnv, MessagingServiceEnv } from '@scrt/config';

export class CaseIntakeEnv extends MessagingServiceEnv {
  /** Off only to prove the outbox: events then wait in the table until a relay runs. */
  @BooleanFromEnv() @IsBoolean() OUTBOX_RELAY_ENABLED = true;
}

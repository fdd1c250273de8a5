import { IsBoolean, IsIn } from 'class-validator';
import { BooleanFromEnv, MessagingServiceEnv } from '@scrt/config';

export const PersonalDataPolicies = ['refuse', 'warn'] as const;
export type PersonalDataPolicy = (typeof PersonalDataPolicies)[number];

export class CaseIntakeEnv extends MessagingServiceEnv {
  /** Off only to prove the outbox: events then wait in the table until a relay runs. */
  @BooleanFromEnv() @IsBoolean() OUTBOX_RELAY_ENABLED = true;

  /** What free text that looks like personal data gets: refused (422), or accepted with a warning recorded on the case. */
  @IsIn(PersonalDataPolicies) PERSONAL_DATA_POLICY: PersonalDataPolicy = 'refuse';
}

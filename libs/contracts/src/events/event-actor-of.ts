import type { Principal } from '../auth/principal.js';
import type { EventActor } from './envelope.js';

/** The actor of an event: who made the request that caused it. */
export const eventActorOf = (principal: Principal): EventActor => ({
  subject: principal.subject,
  kind: principal.kind,
  organisationCode: principal.organisationCode,
  tier: principal.tier,
});

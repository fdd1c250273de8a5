import { MessagingServiceEnv } from '@scrt/config';

/** Kafka too: published code lists leave through the outbox. */
export class ReferenceDataEnv extends MessagingServiceEnv {}

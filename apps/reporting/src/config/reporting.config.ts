import { MessagingServiceEnv } from '@scrt/config';

export class ReportingEnv extends MessagingServiceEnv {}

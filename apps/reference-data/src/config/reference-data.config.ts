import { DatabaseServiceEnv } from '@scrt/config';

export class ReferenceDataEnv extends DatabaseServiceEnv {}

import { DatabaseServiceEnv } from '@scrt/config';

export class ReviewsEnv extends DatabaseServiceEnv {}

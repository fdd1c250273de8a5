import { Global, Module } from '@nestjs/common';
import { CaseScopes } from './case-scopes.js';

/** Case scope for every module of the service; needs the hierarchy copy (`HierarchyCopyModule`). */
@Global()
@Module({ providers: [CaseScopes], exports: [CaseScopes] })
export class CaseScopeModule {}

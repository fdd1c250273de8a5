export * from './internal-token.js';
export * from './require-permission.decorator.js';
export * from './audited-resource.decorator.js';
export * from './current-principal.decorator.js';
export * from './internal-auth.guard.js';
export * from './internal-auth.module.js';
export * from './refusal-audit.js';
export * from './scope.js';

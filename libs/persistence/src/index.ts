export * from './database.js';
export * from './audit-trail.js';
export * from './service-core.module.js';
export * from './database-health.module.js';
export * from './database-errors.js';
export * from './sql-parameters.js';
export * from './unique-violation.js';

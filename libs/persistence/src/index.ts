export * from './database.js';
export * from './audit-trail.js';

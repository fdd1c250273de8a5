export * from './http-errors.js';
export * from './json-body.js';
export * from './request-policy.js';
export * from './http-edge.js';

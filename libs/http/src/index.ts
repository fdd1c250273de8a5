export * from './problem.js';
export * from './domain-error.js';
export * from './validation.js';
export * from './problem.filter.js';
export * from './public.decorator.js';
export * from './health.controller.js';
export * from './bootstrap.js';
export * from './problem.dto.js';

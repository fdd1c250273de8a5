export * from './correlation.js';
export * from './logger.js';

export * from './correlation.js';
export * from './logger.js';
export * from './uuidv7.js';

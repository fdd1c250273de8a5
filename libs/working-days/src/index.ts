export * from './iso-date.js';
export * from './working-day-calendar.js';
export * from './bank-holiday-rules.js';

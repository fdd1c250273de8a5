import 'reflect-metadata';
export * from './topics.js';
export * from './events/envelope.js';
export * from './events/event-actor-of.js';
export * from './events/case-created.v1.js';
export * from './events/case-snapshot.v1.js';
export * from './events/case-created.v2.js';
export * from './events/case-updated.v1.js';
export * from './events/case-withdrawn.v1.js';
export * from './events/code-list-published.v1.js';
// organisation hierarchy (issue 8 §2)
export * from './events/organisation-changed.v1.js';
// calendar, timescales and partnerships (issue 8 §4)
export * from './events/timescales-published.v1.js';
export * from './events/bank-holidays-changed.v1.js';
export * from './events/partnership-changed.v1.js';
// reviews (issue 10)
export * from './events/review-snapshot.v1.js';
export * from './events/review-events.v1.js';
export * from './events/learning-events.v1.js';
export * from './auth/principal.js';
export * from './auth/permissions.js';
export * from './auth/cis2.js';
// the case record (issue 9): its documented example
export * from './cases/case-input.example.js';
// the review stage machine: the service enforces it, the admin UI offers its moves
export * from './reviews/stage-machine.js';

export * from './code-list-copy.js';
export * from './code-list-copy.events.js';
export * from './reference-copy.module.js';
export * from './hierarchy/hierarchy-snapshot.js';
export * from './hierarchy/organisation-hierarchy.js';
export * from './hierarchy/hierarchy-events.js';

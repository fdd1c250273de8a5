export * from './hierarchy/hierarchy-snapshot.js';
export * from './hierarchy/organisation-hierarchy.js';

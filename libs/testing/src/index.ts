export * from './identity-client.js';
export * from './api-client.js';
export * from './stack-control.js';
export * from './eventually.js';
export * from './test-env.js';
export * from './minted-tokens.js';

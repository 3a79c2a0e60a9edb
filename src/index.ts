export * from './diagnostics/index.js';
export * from './run/index.js';

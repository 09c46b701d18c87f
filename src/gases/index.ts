export * from './types.js';
export * from './categories.js';
export * from './gwp.js';

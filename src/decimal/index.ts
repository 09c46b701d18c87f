export * from './decimal.js';
export * from './rounding.js';

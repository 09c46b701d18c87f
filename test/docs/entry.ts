// What code blocks in docs/ import as 'smeltprint': the package's main entry.
export * from '../../src/index.js';

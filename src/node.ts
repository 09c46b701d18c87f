/**
 * File-system helpers for Node.js: read model documents from files, write outputs atomically.
 * Kept off the main entry so `smeltprint` itself stays free of Node-only imports.
 *
 * @packageDocumentation
 */
export { readModelFile, formatOfFile, writeFileAtomic, loadModel } from './io/index.js';
export { readActivityTable } from './io/readActivityTable.js';

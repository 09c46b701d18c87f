export { parseModelText, MAX_DOCUMENT_BYTES, MAX_ALIAS_COUNT, type DocumentFormat } from './parseModelText.js';
export { exactNumberValue, exactNumberTags } from './exactNumberTags.js';
export { readModelFile, formatOfFile } from './readModelFile.js';
export { writeFileAtomic } from './writeFileAtomic.js';
export { loadModel } from './loadModel.js';

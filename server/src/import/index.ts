export { importText } from './importText.js';
export type { ImportOptions, ImportResult, Removed } from './types.js';
export { missingWords, words } from './words.js';

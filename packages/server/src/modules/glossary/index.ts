/** What other modules may use of the glossary: its pure text comparison. */
export { wordDiff, type DiffPart } from './divergence';
export { similarity, DEFAULT_DIVERGENCE_THRESHOLD } from './similarity';

export * from './kinds';
export { renderDraft, draftFileName } from './draftDocument';
export type { DraftInput } from './draftDocument';
export * from './DraftService';

/**
 * Court Ops Portal knowledge base backend: versioned articles, Chinese and
 * English search, runbook files kept in step, /api/kb.
 *
 * @packageDocumentation
 */
export { kbPlugin as default } from './plugin';

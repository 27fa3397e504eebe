/**
 * Court Ops Portal knowledge base backend: versioned articles, Chinese and
 * English search, runbook files kept in step, /api/kb.
 *
 * @packageDocumentation
 */
export { kbPlugin as default } from './plugin';

// What the benchmark (scripts/bench/kb.ts) drives directly, below the HTTP layer.
export { DatabaseKbStore } from './database/DatabaseKbStore';
export type { ArticleFilter } from './database/DatabaseKbStore';

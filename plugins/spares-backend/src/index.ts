/**
 * Spare parts and third-party repairs backend (issue #20).
 *
 * @packageDocumentation
 */
export { sparesPlugin as default } from './plugin';

// What the benchmark (scripts/bench/spares.ts) drives directly, below the HTTP layer.
export { SparesStore } from './database/SparesStore';
export { SparesService } from './service/SparesService';

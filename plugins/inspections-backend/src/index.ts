/**
 * The Court Ops Portal inspections backend.
 *
 * @packageDocumentation
 */

export { inspectionsPlugin as default } from './plugin';

// What the benchmark (scripts/bench/inspections.ts) drives directly, below the HTTP layer.
export { readInspectionsConfig } from './config';
export { inspectionStoresFromKnex } from './database/InspectionStores';
export { calendarDays } from './service/calendars';
export type { InspectedEntity } from './service/DeviceDirectory';
export { IncidentFiler } from './service/IncidentFiler';
export { InspectionService } from './service/InspectionService';
export { RoundGenerator } from './service/RoundGenerator';
export { readTemplateFiles, TemplateLibrary } from './service/TemplateLibrary';

/**
 * Catalog backend module for the court's device model.
 *
 * @packageDocumentation
 */
export { catalogModuleCourt as default } from './module';
export { DeviceFactsProcessor } from './processor/DeviceFactsProcessor';

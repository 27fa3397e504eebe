/**
 * Knowledge articles in Backstage search, with their visibility; Chinese
 * queries for every document type.
 *
 * @packageDocumentation
 */
export { searchModuleKb as default } from './module';

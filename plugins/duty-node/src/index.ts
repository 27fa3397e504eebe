/**
 * Court Ops Portal duty for other backend plugins: `dutyServiceRef`, who is on call at an
 * instant (tickets outside on-site hours, inspection rounds, SLA warnings).
 *
 * @packageDocumentation
 */

export * from './dutyService';

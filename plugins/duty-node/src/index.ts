/**
 * Court Ops Portal duty for other backend plugins: `dutyServiceRef`, who is on call at an
 * instant (tickets outside on-site hours, inspection rounds, SLA warnings) and the floor a new
 * ticket gets from a major event running then (重点保障).
 *
 * @packageDocumentation
 */

export * from './dutyService';

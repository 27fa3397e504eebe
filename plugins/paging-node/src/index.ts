/**
 * Court Ops Portal paging for other backends: who is on call and the
 * escalation chain (the duty roster plugs in here).
 *
 * @packageDocumentation
 */

export * from './onCall';

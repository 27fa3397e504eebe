/**
 * Court Ops Portal paging, pure: channels, the rules of what pages, message
 * formatting, the escalation plan, quiet hours and the config schema.
 *
 * @packageDocumentation
 */

export * from './model';
export * from './config';
export * from './window';
export * from './rules';
export * from './escalation';
export * from './message';
export * from './client';

/**
 * The ticket permission resource for permission policies and other backend
 * plugins: its rules ("is the reporter", "is assigned", "is in the group")
 * and the conditions a policy builds from them.
 *
 * @packageDocumentation
 */

export * from './permissions';
export * from './service/ticketsService';
export * from './service/partRegister';

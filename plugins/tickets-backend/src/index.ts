/**
 * The Court Ops Portal service desk backend.
 *
 * @packageDocumentation
 */

export { ticketsPlugin as default } from './plugin';

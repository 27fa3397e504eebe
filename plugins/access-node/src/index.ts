/**
 * Court Ops Portal engineer approval for other backends (SEC-2): `engineerApprovalServiceRef`,
 * the one check before an engineer is assigned work.
 *
 * @packageDocumentation
 */

export * from './engineerApproval';
export { approvingEveryEngineer } from './approvingEveryEngineer';

import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  engineerApprovalOf,
  engineerApprovalServiceRef,
} from './engineerApproval';

/**
 * For another family's tests that run without the access plugin: every engineer may be assigned.
 * (With the access plugin installed, its records decide; see tickets-backend's engineerApproval
 * test.)
 */
export const approvingEveryEngineer = createServiceFactory({
  service: engineerApprovalServiceRef,
  deps: {},
  factory: () => engineerApprovalOf(async () => ({ assignable: true })),
});

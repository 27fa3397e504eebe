import {
  CourtClientOptions,
  CourtRequest,
  courtRequest,
  queryOf,
} from '@internal/plugin-court-common';
import type { AssignmentDecision, EngineerRecord } from '../engineers';
import type {
  CreateEngineer,
  GrantStepRequest,
  ListGrantsQuery,
  ReassignRequest,
  RequestGrant,
  UpdateEngineer,
} from '../schemas';
import type {
  AccessGrant,
  AccessUse,
  MonthlyAccessList,
  ReassignmentResult,
} from '../types';

/** The access API (/api/access): grants, their uses, engineers' records. */
export interface AccessApi {
  listGrants(query?: ListGrantsQuery): Promise<AccessGrant[]>;
  getGrant(id: string): Promise<AccessGrant>;
  requestGrant(request: RequestGrant): Promise<AccessGrant>;
  approveGrant(id: string, step: GrantStepRequest): Promise<AccessGrant>;
  refuseGrant(id: string, step: GrantStepRequest): Promise<AccessGrant>;
  revokeGrant(id: string, step: GrantStepRequest): Promise<AccessGrant>;
  startUse(grantId: string): Promise<AccessUse>;
  endUse(grantId: string, useId: string): Promise<AccessUse>;
  monthlyList(month: string): Promise<MonthlyAccessList>;
  /** Where the month's Excel file is downloaded (the request needs the user's token). */
  monthlyWorkbookUrl(month: string): Promise<string>;
  listEngineers(): Promise<EngineerRecord[]>;
  getEngineer(userRef: string): Promise<EngineerRecord>;
  createEngineer(request: CreateEngineer): Promise<EngineerRecord>;
  updateEngineer(
    userRef: string,
    request: UpdateEngineer,
  ): Promise<EngineerRecord>;
  approveEngineer(userRef: string, revision: number): Promise<EngineerRecord>;
  suspendEngineer(
    userRef: string,
    revision: number,
    reason: string,
  ): Promise<EngineerRecord>;
  reinstateEngineer(userRef: string, revision: number): Promise<EngineerRecord>;
  deleteEngineer(userRef: string): Promise<void>;
  /** Moves all of the engineer's open tickets to another engineer, with the reason. */
  reassign(
    userRef: string,
    request: ReassignRequest,
  ): Promise<ReassignmentResult>;
  /** Whether the engineer may be assigned work now, and if not why. */
  assignment(userRef: string): Promise<AssignmentDecision>;
  /** The same for several engineers in one call, keyed by their refs. */
  assignments(
    userRefs: readonly string[],
  ): Promise<Record<string, AssignmentDecision>>;
}

const grant = (id: string) => `/grants/${encodeURIComponent(id)}`;
const engineer = (ref: string) => `/engineers/${encodeURIComponent(ref)}`;

/** HTTP client of the access API; the same in the browser and in Node. */
export class AccessClient implements AccessApi {
  private readonly request: CourtRequest;

  constructor(private readonly options: CourtClientOptions) {
    this.request = courtRequest('access', options);
  }

  listGrants(query: ListGrantsQuery = {}) {
    return this.request<AccessGrant[]>('GET', `/grants${queryOf(query)}`);
  }
  getGrant(id: string) {
    return this.request<AccessGrant>('GET', grant(id));
  }
  requestGrant(request: RequestGrant) {
    return this.request<AccessGrant>('POST', '/grants', request);
  }
  approveGrant(id: string, step: GrantStepRequest) {
    return this.request<AccessGrant>('POST', `${grant(id)}/approve`, step);
  }
  refuseGrant(id: string, step: GrantStepRequest) {
    return this.request<AccessGrant>('POST', `${grant(id)}/refuse`, step);
  }
  revokeGrant(id: string, step: GrantStepRequest) {
    return this.request<AccessGrant>('POST', `${grant(id)}/revoke`, step);
  }
  startUse(grantId: string) {
    return this.request<AccessUse>('POST', `${grant(grantId)}/uses`, {});
  }
  endUse(grantId: string, useId: string) {
    return this.request<AccessUse>(
      'POST',
      `${grant(grantId)}/uses/${encodeURIComponent(useId)}/end`,
      {},
    );
  }
  monthlyList(month: string) {
    return this.request<MonthlyAccessList>(
      'GET',
      `/monthly/${encodeURIComponent(month)}`,
    );
  }
  async monthlyWorkbookUrl(month: string) {
    const base = await this.options.discoveryApi.getBaseUrl('access');
    return `${base}/monthly/${encodeURIComponent(month)}/xlsx`;
  }
  listEngineers() {
    return this.request<EngineerRecord[]>('GET', '/engineers');
  }
  getEngineer(userRef: string) {
    return this.request<EngineerRecord>('GET', engineer(userRef));
  }
  createEngineer(request: CreateEngineer) {
    return this.request<EngineerRecord>('POST', '/engineers', request);
  }
  updateEngineer(userRef: string, request: UpdateEngineer) {
    return this.request<EngineerRecord>('PUT', engineer(userRef), request);
  }
  approveEngineer(userRef: string, revision: number) {
    return this.request<EngineerRecord>(
      'POST',
      `${engineer(userRef)}/approve`,
      {
        revision,
      },
    );
  }
  suspendEngineer(userRef: string, revision: number, reason: string) {
    return this.request<EngineerRecord>(
      'POST',
      `${engineer(userRef)}/suspend`,
      {
        revision,
        reason,
      },
    );
  }
  reinstateEngineer(userRef: string, revision: number) {
    return this.request<EngineerRecord>(
      'POST',
      `${engineer(userRef)}/reinstate`,
      { revision },
    );
  }
  deleteEngineer(userRef: string) {
    return this.request<void>('DELETE', engineer(userRef));
  }
  reassign(userRef: string, request: ReassignRequest) {
    return this.request<ReassignmentResult>(
      'POST',
      `${engineer(userRef)}/reassign`,
      request,
    );
  }
  assignment(userRef: string) {
    return this.request<AssignmentDecision>(
      'GET',
      `${engineer(userRef)}/assignment`,
    );
  }
  assignments(userRefs: readonly string[]) {
    return this.request<Record<string, AssignmentDecision>>(
      'GET',
      `/assignments${queryOf({ userRef: userRefs })}`,
    );
  }
}

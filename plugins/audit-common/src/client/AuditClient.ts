import { ResponseError } from '@backstage/errors';
import {
  CourtClientOptions,
  courtRequest,
  CourtRequest,
  queryOf,
} from '@internal/plugin-court-common';
import type { AuditQuery } from '../schemas';
import type { AuditEventPage, AuditVerification } from '../types';

export type AuditClientOptions = CourtClientOptions;

/** The audit trail API (/api/audit). */
export interface AuditApi {
  listEvents(query?: AuditQuery): Promise<AuditEventPage>;
  /** The filtered events as an Excel workbook (at most the export limit, newest first). */
  exportEvents(query?: AuditQuery): Promise<Blob>;
  /** The latest verification (daily check or on demand); undefined before the first. */
  lastVerification(): Promise<AuditVerification | undefined>;
  /** Verifies the whole chain now. */
  verify(): Promise<AuditVerification>;
}

/** HTTP client of the audit API; the same in the browser and in Node. */
export class AuditClient implements AuditApi {
  private readonly request: CourtRequest;

  constructor(private readonly options: AuditClientOptions) {
    this.request = courtRequest('audit', options);
  }

  listEvents(query: AuditQuery = {}): Promise<AuditEventPage> {
    return this.request('GET', `/events${queryOf(query)}`);
  }

  async exportEvents(query: AuditQuery = {}): Promise<Blob> {
    const { cursor: _cursor, limit: _limit, ...filters } = query;
    const baseUrl = await this.options.discoveryApi.getBaseUrl('audit');
    const doFetch = this.options.fetchApi?.fetch ?? fetch;
    const response = await doFetch(`${baseUrl}/events.xlsx${queryOf(filters)}`);
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return response.blob();
  }

  async lastVerification(): Promise<AuditVerification | undefined> {
    return this.request('GET', '/verification');
  }

  verify(): Promise<AuditVerification> {
    return this.request('POST', '/verification');
  }
}

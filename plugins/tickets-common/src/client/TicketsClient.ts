import { ResponseError } from '@backstage/errors';
import type { SlaConfig } from '@internal/plugin-sla-common';
import type {
  CommentRequest,
  ComplianceQuery,
  CreateTicketRequest,
  EditTicketRequest,
  LinkRequest,
  ListTicketsQuery,
  TicketActionRequest,
  WorkLogRequest,
} from '../schemas';
import type {
  ChangeActionRequest,
  CreateChangeRequest,
  CreateFreezeRequest,
  ListChangesQuery,
  ListFreezesQuery,
  ParameterRegisterRequest,
  SuccessRateQuery,
} from '../changes/schemas';
import type {
  ChangeDetail,
  ChangePage,
  ChangeSuccessRate,
  FreezePeriod,
  ParameterRegister,
} from '../changes/model';
import type {
  ComplianceReport,
  Ticket,
  TicketDetail,
  TicketEventRecord,
  TicketPage,
  WorkLog,
} from '../types';
import type { TicketsApi } from './TicketsApi';

/** Structural so both the frontend's and the backend's discovery fit. */
export interface TicketsClientOptions {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  /** The browser's fetchApi adds the user's token; a backend passes its own. */
  fetchApi?: { fetch: typeof fetch };
}

/** HTTP client of the tickets API; the same in the browser and in Node. */
export class TicketsClient implements TicketsApi {
  constructor(private readonly options: TicketsClientOptions) {}

  listTickets(query: ListTicketsQuery = {}): Promise<TicketPage> {
    return this.request('GET', `/tickets${searchOf(query)}`);
  }

  getTicket(idOrNumber: string): Promise<TicketDetail> {
    return this.request('GET', `/tickets/${encodeURIComponent(idOrNumber)}`);
  }

  createTicket(request: CreateTicketRequest): Promise<Ticket> {
    return this.request('POST', '/tickets', request);
  }

  editTicket(id: string, request: EditTicketRequest): Promise<Ticket> {
    return this.request('PATCH', `/tickets/${encodeURIComponent(id)}`, request);
  }

  act(id: string, request: TicketActionRequest): Promise<Ticket> {
    return this.request(
      'POST',
      `/tickets/${encodeURIComponent(id)}/actions`,
      request,
    );
  }

  addComment(id: string, request: CommentRequest): Promise<TicketEventRecord> {
    return this.request(
      'POST',
      `/tickets/${encodeURIComponent(id)}/comments`,
      request,
    );
  }

  addWorkLog(id: string, request: WorkLogRequest): Promise<WorkLog> {
    return this.request(
      'POST',
      `/tickets/${encodeURIComponent(id)}/work-logs`,
      request,
    );
  }

  addLink(id: string, request: LinkRequest): Promise<TicketDetail> {
    return this.request(
      'POST',
      `/tickets/${encodeURIComponent(id)}/links`,
      request,
    );
  }

  getSlaConfig(): Promise<SlaConfig> {
    return this.request('GET', '/sla/config');
  }

  getCompliance(query: ComplianceQuery): Promise<ComplianceReport> {
    return this.request('GET', `/sla/compliance${searchOf(query)}`);
  }

  listChanges(query: ListChangesQuery = {}): Promise<ChangePage> {
    return this.request('GET', `/changes${searchOf(query)}`);
  }

  getChange(idOrNumber: string): Promise<ChangeDetail> {
    return this.request('GET', `/changes/${encodeURIComponent(idOrNumber)}`);
  }

  fileChange(request: CreateChangeRequest): Promise<ChangeDetail> {
    return this.request('POST', '/changes', request);
  }

  actOnChange(
    idOrNumber: string,
    request: ChangeActionRequest,
  ): Promise<ChangeDetail> {
    return this.request(
      'POST',
      `/changes/${encodeURIComponent(idOrNumber)}/actions`,
      request,
    );
  }

  listFreezes(query: ListFreezesQuery = {}): Promise<FreezePeriod[]> {
    return this.request('GET', `/changes/freezes${searchOf(query)}`);
  }

  declareFreeze(request: CreateFreezeRequest): Promise<FreezePeriod> {
    return this.request('POST', '/changes/freezes', request);
  }

  liftFreeze(id: string): Promise<FreezePeriod> {
    return this.request('DELETE', `/changes/freezes/${encodeURIComponent(id)}`);
  }

  getChangeSuccessRate(query: SuccessRateQuery): Promise<ChangeSuccessRate> {
    return this.request('GET', `/changes/success-rate${searchOf(query)}`);
  }

  getParameterRegister(deviceRef: string): Promise<ParameterRegister> {
    return this.request('GET', `/parameters/${encodeURIComponent(deviceRef)}`);
  }

  registerParameterEdit(
    deviceRef: string,
    request: ParameterRegisterRequest,
  ): Promise<ParameterRegister> {
    return this.request(
      'POST',
      `/parameters/${encodeURIComponent(deviceRef)}`,
      request,
    );
  }

  private async request<T>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<T> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('tickets');
    const doFetch = this.options.fetchApi?.fetch ?? fetch;
    const response = await doFetch(`${baseUrl}${path}`, {
      method,
      headers:
        body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

/** `?a=1&b=x&b=y` from a query object; lists repeat their key, absent values are left out. */
function searchOf(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      params.append(key, String(item));
    }
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}

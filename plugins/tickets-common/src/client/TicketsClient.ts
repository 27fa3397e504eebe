import {
  CourtClientOptions,
  CourtRequest,
  courtRequest,
  queryOf,
} from '@internal/plugin-court-common';
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

export type TicketsClientOptions = CourtClientOptions;

/** HTTP client of the tickets API; the same in the browser and in Node. */
export class TicketsClient implements TicketsApi {
  private readonly request: CourtRequest;

  constructor(options: TicketsClientOptions) {
    this.request = courtRequest('tickets', options);
  }

  listTickets(query: ListTicketsQuery = {}): Promise<TicketPage> {
    return this.request('GET', `/tickets${queryOf(query)}`);
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
    return this.request('GET', `/sla/compliance${queryOf(query)}`);
  }

  listChanges(query: ListChangesQuery = {}): Promise<ChangePage> {
    return this.request('GET', `/changes${queryOf(query)}`);
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
    return this.request('GET', `/changes/freezes${queryOf(query)}`);
  }

  declareFreeze(request: CreateFreezeRequest): Promise<FreezePeriod> {
    return this.request('POST', '/changes/freezes', request);
  }

  liftFreeze(id: string): Promise<FreezePeriod> {
    return this.request('DELETE', `/changes/freezes/${encodeURIComponent(id)}`);
  }

  getChangeSuccessRate(query: SuccessRateQuery): Promise<ChangeSuccessRate> {
    return this.request('GET', `/changes/success-rate${queryOf(query)}`);
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
}

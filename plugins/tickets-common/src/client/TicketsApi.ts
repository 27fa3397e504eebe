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

/** The tickets backend's REST API (`/api/tickets`), as browser and backend call it. */
export interface TicketsApi {
  listTickets(query?: ListTicketsQuery): Promise<TicketPage>;
  /** By id or by number (INC-2026-00042). */
  getTicket(idOrNumber: string): Promise<TicketDetail>;
  createTicket(request: CreateTicketRequest): Promise<Ticket>;
  editTicket(id: string, request: EditTicketRequest): Promise<Ticket>;
  /** A lifecycle action; a stale `version` is rejected with 409. */
  act(id: string, request: TicketActionRequest): Promise<Ticket>;
  addComment(id: string, request: CommentRequest): Promise<TicketEventRecord>;
  addWorkLog(id: string, request: WorkLogRequest): Promise<WorkLog>;
  addLink(id: string, request: LinkRequest): Promise<TicketDetail>;
  /** The SLA configuration the backend runs, for targets and previews. */
  getSlaConfig(): Promise<SlaConfig>;
  getCompliance(query: ComplianceQuery): Promise<ComplianceReport>;

  listChanges(query?: ListChangesQuery): Promise<ChangePage>;
  /** By id or by number (CHG-2026-00001). */
  getChange(idOrNumber: string): Promise<ChangeDetail>;
  /** Files a change request; the same `sourceRef` again returns the first change. */
  fileChange(request: CreateChangeRequest): Promise<ChangeDetail>;
  /** A workflow step; a stale `version` is rejected with 409. */
  actOnChange(
    idOrNumber: string,
    request: ChangeActionRequest,
  ): Promise<ChangeDetail>;
  listFreezes(query?: ListFreezesQuery): Promise<FreezePeriod[]>;
  declareFreeze(request: CreateFreezeRequest): Promise<FreezePeriod>;
  liftFreeze(id: string): Promise<FreezePeriod>;
  getChangeSuccessRate(query: SuccessRateQuery): Promise<ChangeSuccessRate>;
  /** A device's key-parameter register, newest first. */
  getParameterRegister(deviceRef: string): Promise<ParameterRegister>;
  /** Writes one edit of an approved change to the register. */
  registerParameterEdit(
    deviceRef: string,
    request: ParameterRegisterRequest,
  ): Promise<ParameterRegister>;
}

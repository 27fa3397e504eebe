import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  ChecklistItem,
  formatAnswer,
  formatLimits,
  isFailing,
} from '@internal/plugin-inspections-common';
import { CreateTicketRequest } from '@internal/plugin-tickets-common';
import { TicketsService } from '@internal/plugin-tickets-node';
import { RoundStore } from '../database/RoundStore';
import { StoredCheck, StoredResult } from '../database/rows';

/** Where incidents go: the tickets API, or a fake in tests. */
export interface ServiceDesk {
  /** Files a ticket; the same `sourceRef` again returns the first ticket. */
  createTicket(request: CreateTicketRequest): Promise<{ number: string }>;
}

/** The tickets API called with the inspections plugin's own service credentials. */
export function ticketsDesk(
  auth: AuthService,
  tickets: TicketsService,
): ServiceDesk {
  return {
    async createTicket(request) {
      return tickets
        .as(await auth.getOwnServiceCredentials())
        .createTicket(request);
    },
  };
}

/** The idempotency key of the incident of one answer: one per round, check and item. */
export function incidentSourceRef(check: StoredCheck, itemId: string): string {
  return `inspections:${check.roundId}:${check.id}:${itemId}`;
}

/**
 * Opens an incident for a failing answer through the service desk, once:
 * the tickets API returns the first ticket for a repeated `sourceRef`, and the
 * ticket number stored on the answer stops later saves from filing again.
 */
export class IncidentFiler {
  constructor(
    private readonly deps: {
      rounds: RoundStore;
      desk: ServiceDesk;
      logger: LoggerService;
      /** The portal, for the link back to the round. */
      appBaseUrl: string;
    },
  ) {}

  /**
   * The incident number of a failing answer, filing it if needed; undefined
   * for a passing answer or when the desk cannot be reached (the answer stays
   * unfiled and is filed by a later save or the scheduled run).
   */
  async fileFor(
    check: StoredCheck,
    result: StoredResult,
    item: ChecklistItem,
  ): Promise<string | undefined> {
    if (result.ticketNumber || !isFailing(result.verdict)) {
      return result.ticketNumber;
    }
    try {
      const ticket = await this.deps.desk.createTicket(
        this.request(check, result, item),
      );
      await this.deps.rounds.setTicketNumber(check.id, item.id, ticket.number);
      return ticket.number;
    } catch (error) {
      this.deps.logger.warn(
        `inspection ${check.id} item ${item.id}: incident not filed yet: ${
          (error as Error).message
        }`,
      );
      return undefined;
    }
  }

  private request(
    check: StoredCheck,
    result: StoredResult,
    item: ChecklistItem,
  ): CreateTicketRequest {
    const limits = item.kind === 'reading' ? formatLimits(item) : undefined;
    const answer = formatAnswer(item, result.value);
    const link = `${this.deps.appBaseUrl}/inspections/rounds/${check.roundId}?check=${check.id}`;
    return {
      type: 'incident',
      channel: 'inspection',
      title: `巡检异常：${check.deviceTitle} ${item.label}`.slice(0, 200),
      description: [
        `巡检发现异常 (inspection finding), ${check.dueDate}`,
        `设备 Device: ${check.deviceTitle} (${check.deviceRef})`,
        `检查项 Item: ${item.label} / ${item.labelEn}`,
        `结果 Answer: ${answer}${limits ? `（限值 limits ${limits}）` : ''}`,
        ...(result.remark ? [`备注 Remark: ${result.remark}`] : []),
        `巡检单 Round: ${link}`,
      ].join('\n'),
      urgency: item.incident?.urgency ?? 'medium',
      impact: item.incident?.impact ?? 'medium',
      entityRefs: [check.deviceRef],
      ...(result.recordedBy.startsWith('user:')
        ? { reporter: result.recordedBy }
        : {}),
      sourceRef: incidentSourceRef(check, item.id),
    };
  }
}

import { ResponseError } from '@backstage/errors';
import {
  defaultSlaConfig,
  type ClockName,
  type ClockStatus,
  type TicketClocks,
} from '@internal/plugin-sla-common';
import type {
  Ticket,
  TicketDetail,
  TicketsApi,
} from '@internal/plugin-tickets-common';

const MINUTE = 60_000;

/**
 * The instant every test of this package stands at (setupTests.ts), ticking on
 * from there: Tuesday 2026-03-03, 10:00 Beijing time, in on-site hours. The
 * fixtures are "as of" it, so no expectation depends on when the tests run.
 */
export const AS_OF = Date.parse('2026-03-03T10:00:00+08:00');

/** A running clock that has used `percent` of a `targetMinutes` target, as of {@link AS_OF}. */
export function runningClock(
  clock: ClockName,
  percent: number,
  targetMinutes = 10,
): ClockStatus {
  const targetMs = targetMinutes * MINUTE;
  const elapsedMs = (targetMs * percent) / 100;
  const now = AS_OF;
  return {
    clock,
    state: 'running',
    level: 'L2',
    targetMs,
    calendar: 'always',
    startedAt: new Date(now - elapsedMs).toISOString(),
    dueAt: new Date(now + targetMs - elapsedMs).toISOString(),
    elapsedMs,
    pausedMs: 0,
    remainingMs: targetMs - elapsedMs,
    percentConsumed: percent,
    warnings: [],
  };
}

export function stoppedClock(
  clock: ClockName,
  state: ClockStatus['state'],
): ClockStatus {
  return {
    clock,
    state,
    level: 'L2',
    elapsedMs: 0,
    pausedMs: 0,
    warnings: [],
  };
}

export function clocksOf(
  response: ClockStatus,
  arrival: ClockStatus = stoppedClock('arrival', 'not-started'),
  resolution: ClockStatus = stoppedClock('resolution', 'not-started'),
): TicketClocks {
  return { level: 'L2', status: 'open', response, arrival, resolution };
}

let sequence = 0;

export function makeTicket(overrides: Partial<Ticket> = {}): Ticket {
  sequence += 1;
  const now = new Date(AS_OF).toISOString();
  return {
    id: `ticket-${sequence}`,
    number: `INC-2026-${String(sequence).padStart(5, '0')}`,
    type: 'incident',
    title: `Courtroom ${sequence} recorder has no sound`,
    description: '',
    channel: 'portal',
    reporter: 'user:default/clerk',
    createdBy: 'user:default/clerk',
    urgency: 'medium',
    impact: 'large',
    level: 'L2',
    status: 'new',
    entityRefs: ['resource:default/courtroom-7-recorder'],
    systemRefs: ['system:default/courtroom-trial'],
    policy: { id: 'contract', version: 1 },
    version: 1,
    createdAt: now,
    updatedAt: now,
    clocks: clocksOf(runningClock('response', 20)),
    asOf: now,
    ...overrides,
  };
}

export function makeDetail(ticket: Ticket): TicketDetail {
  return {
    ticket,
    events: [
      {
        seq: 1,
        type: 'created',
        at: ticket.createdAt,
        actor: ticket.createdBy,
        urgency: ticket.urgency,
        impact: ticket.impact,
        title: ticket.title,
      },
    ],
    workLogs: [],
    links: [],
  };
}

/** Every method of the tickets API as a jest mock; the SLA config is the contract's. */
export function mockTicketsApi(): jest.Mocked<TicketsApi> {
  return {
    listTickets: jest.fn().mockResolvedValue({ items: [] }),
    getTicket: jest.fn(),
    createTicket: jest.fn(),
    editTicket: jest.fn(),
    act: jest.fn(),
    addComment: jest.fn(),
    addWorkLog: jest.fn(),
    addLink: jest.fn(),
    getSlaConfig: jest.fn().mockResolvedValue(defaultSlaConfig),
    getCompliance: jest.fn().mockResolvedValue({ from: '', to: '', rows: [] }),
    listChanges: jest.fn().mockResolvedValue({ items: [] }),
    getChange: jest.fn(),
    fileChange: jest.fn(),
    actOnChange: jest.fn(),
    listFreezes: jest.fn().mockResolvedValue([]),
    declareFreeze: jest.fn(),
    liftFreeze: jest.fn(),
    getChangeSuccessRate: jest.fn(),
    getParameterRegister: jest
      .fn()
      .mockResolvedValue({ device: '', history: [] }),
    registerParameterEdit: jest.fn(),
  };
}

/** What the backend answers an action sent with a stale version. */
export async function conflictError(): Promise<ResponseError> {
  const body = JSON.stringify({
    error: { name: 'ConflictError', message: 'the ticket has changed' },
    request: { method: 'POST', url: '/api/tickets/tickets/x/actions' },
    response: { statusCode: 409 },
  });
  return ResponseError.fromResponse(
    new Response(body, {
      status: 409,
      statusText: 'Conflict',
      headers: { 'Content-Type': 'application/json' },
    }),
  );
}

/** A signals API whose `emit` delivers a message on every subscription, as the backend would. */
export function mockSignals() {
  const handlers: Array<(message: object) => void> = [];
  return {
    api: {
      subscribe: (_channel: string, onMessage: (message: object) => void) => {
        handlers.push(onMessage);
        return { unsubscribe: () => {} };
      },
    },
    emit: (message: object) => handlers.forEach(handler => handler(message)),
  };
}

import {
  PeriodWindow,
  ReportPeriod,
  TicketFiguresOnly,
  TicketFiguresResponse,
  ticketFigures,
} from '@internal/plugin-reports-common';
import { TicketFiguresStore } from '../database/TicketFiguresStore';

/** One period's figures as the reports backend asks for them; plain data, so a worker can take it. */
export interface FiguresJob {
  readonly period: ReportPeriod;
  readonly window: PeriodWindow;
  readonly systemRef?: string;
  /** The facts behind the figures as well (an issued report's rows). */
  readonly facts: boolean;
}

/** What a figures worker posts back for a job (figuresWorker.ts). */
export type FiguresWorkerReply = { json: string } | { error: string };

/**
 * The answer to `GET /figures` as JSON: the facts read from the store and the report maths on
 * them. Serialised where it is computed, so a worker hands the backend one string.
 */
export async function figuresAnswer(
  store: TicketFiguresStore,
  job: FiguresJob,
): Promise<string> {
  const { period, window, systemRef } = job;
  const { tickets, changes } = await store.factsIn(period, window, systemRef);
  const figuresOnly: TicketFiguresOnly = {
    period,
    ...(systemRef ? { systemRef } : {}),
    figures: ticketFigures(tickets, changes, window),
  };
  const answer: TicketFiguresOnly | TicketFiguresResponse = job.facts
    ? { ...figuresOnly, tickets, changes }
    : figuresOnly;
  return JSON.stringify(answer);
}

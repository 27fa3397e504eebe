import {
  CourtClientOptions,
  courtRequest,
  queryOf,
} from '@internal/plugin-court-common';
import type { ListIncidentsQuery } from '../schemas';
import type { DeadLetter, MonitoredIncident, SourceHealth } from '../types';

/** The monitoring intake's read API (/api/monitoring); sources post to the receivers. */
export interface MonitoringApi {
  listIncidents(query?: ListIncidentsQuery): Promise<MonitoredIncident[]>;
  /** Open alerts no device or system could be found for (the desk). */
  listUnmapped(): Promise<MonitoredIncident[]>;
  /** Malformed deliveries, newest first (the desk). */
  listDeadLetters(): Promise<DeadLetter[]>;
  getHealth(): Promise<SourceHealth[]>;
}

export class MonitoringClient implements MonitoringApi {
  private readonly request;

  constructor(options: CourtClientOptions) {
    this.request = courtRequest('monitoring', options);
  }

  listIncidents(query: ListIncidentsQuery = {}) {
    return this.request<MonitoredIncident[]>(
      'GET',
      `/incidents${queryOf(query)}`,
    );
  }

  listUnmapped() {
    return this.request<MonitoredIncident[]>('GET', '/unmapped');
  }

  listDeadLetters() {
    return this.request<DeadLetter[]>('GET', '/dead-letters');
  }

  getHealth() {
    return this.request<SourceHealth[]>('GET', '/health');
  }
}

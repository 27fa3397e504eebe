// Tickets as the e2e tests see them over the API: what a create answers, a ticket's page, and the
// facts of its clocks that must not change when the data outlives a process (backup, crash).
import assert from 'node:assert/strict';
import { exampleCourt } from './catalog.ts';

export interface Clock {
  state: string;
  level: string;
  targetMs?: number;
  startedAt?: string;
  dueAt?: string;
}
export interface StoredTicket {
  id: string;
  number: string;
  title: string;
  clocks?: { response: Clock; arrival: Clock };
}
/** GET /api/tickets/tickets/:ref */
export interface TicketDetail {
  ticket: StoredTicket;
  events: { type: string; at: string; actor: string }[];
}

/** What a ticket's clocks are, apart from how much time has passed since (elapsed, warnings). */
export const clockFacts = (ticket: StoredTicket) =>
  (['response', 'arrival'] as const).map(name => {
    const { state, level, targetMs, startedAt, dueAt } = ticket.clocks![name];
    return { name, state, level, targetMs, startedAt, dueAt };
  });

/** A court staff member filing L3 incidents (response and arrival clocks run) on an example device. */
export function ticketFiler(baseUrl: string, token: string) {
  const device = exampleCourt().find(e => e.kind === 'Resource')!;
  const entityRef = `resource:default/${device.metadata.name}`;
  const headers = { authorization: `Bearer ${token}` };
  return {
    /** With a `sourceRef`, filing again returns the first filing's ticket (200) instead of a new one. */
    file: (title: string, sourceRef?: string) =>
      fetch(`${baseUrl}/api/tickets/tickets`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'incident',
          title,
          urgency: 'high',
          impact: 'small',
          entityRefs: [entityRef],
          ...(sourceRef ? { sourceRef } : {}),
        }),
      }),
    /** Files until a ticket is accepted: the catalog may still be reading the devices. */
    async warmUp(title: string) {
      for (let attempt = 0; (await this.file(title)).status !== 201; attempt++) {
        assert.ok(attempt < 60, 'no ticket accepted');
        await new Promise(r => setTimeout(r, 1000));
      }
    },
    async detail(ref: string): Promise<Response> {
      return fetch(`${baseUrl}/api/tickets/tickets/${ref}`, { headers });
    },
    /** Every ticket the signed-in filer may see, page by page. */
    async all(): Promise<StoredTicket[]> {
      const items: StoredTicket[] = [];
      let cursor: string | undefined;
      do {
        const query = new URLSearchParams({ limit: '100', ...(cursor ? { cursor } : {}) });
        const res = await fetch(`${baseUrl}/api/tickets/tickets?${query}`, { headers });
        assert.equal(res.status, 200, await res.clone().text());
        const page = (await res.json()) as { items: StoredTicket[]; nextCursor?: string };
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return items;
    },
  };
}

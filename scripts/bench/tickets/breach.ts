/**
 * Breach notification delay: from the instant a clock is due to the instant
 * the person told of breaches learns of it.
 *
 * Measured at the user's end, as the portal delivers it: the bench signs in
 * as the service manager (sunlei, configured in `tickets.notify.serviceManagers`
 * of the breach run's overlay) and holds the same signals WebSocket an open
 * portal page holds (`/api/signals`, token as the sub-protocol, channel
 * `notifications`). The notifications backend publishes `new_notification`
 * on it right after it stored the notification, so the arrival of that
 * signal is the moment the bell in the page lights up; the notification row
 * it names is then fetched through the notifications API to check it is the
 * breach of that probe's ticket, and its stored `created` time is reported
 * alongside. Reading the notification table directly would stop the clock
 * at the database write and miss the signal hop; polling the API would add
 * the poll interval. The delay includes the breach watch's wake-up, its
 * re-computation of the clocks, the alert claim, the notification's storage
 * and the signal.
 */
import { load } from './load';

export interface BreachProbe {
  readonly number: string;
  readonly dueAt: number;
  /** ms after dueAt the signal reached the service manager's socket */
  signalDelay?: number;
  /** ms after dueAt the notification was stored (its `created`) */
  storedDelay?: number;
}

export interface BreachResult {
  readonly idle: BreachProbe[];
  readonly underLoad: BreachProbe[];
  readonly loadPerSecond?: number;
}

/** The overlay of the breach run: a stopwatch policy and a service manager to tell. */
export const BREACH_OVERLAY = `# Written by scripts/bench/tickets.ts for the breach-delay run only.
sla:
  activePolicy: bench-stopwatch
  policies:
    - id: bench-stopwatch
      version: 1
      description: the contract with a 5-second L1 response, for the breach-delay probe
      # No warnings: the only SLA notification of a probe is its breach.
      warnings: []
      levels:
        L1:
          response: { target: { seconds: 5 }, calendar: always }
tickets:
  notify:
    serviceManagers: [user:default/sunlei]
`;

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

interface NotificationBody {
  id: string;
  created: string;
  updated?: string | null;
  payload: { title: string; link?: string; topic?: string };
}

export async function measureBreachDelay(options: {
  baseUrl: string;
  deskToken: string;
  managerToken: string;
  entityRefs: readonly string[];
  probes: number;
  connections: number;
}): Promise<BreachResult> {
  const { baseUrl, deskToken, managerToken } = options;
  const probes = new Map<string, BreachProbe>();
  const pending: Promise<void>[] = [];

  const ws = new WebSocket(
    `${baseUrl.replace(/^http/, 'ws')}/api/signals`,
    managerToken,
  );
  await new Promise<void>((resolve, reject) => {
    ws.onopen = () => resolve();
    ws.onerror = () => reject(new Error('signals WebSocket did not open'));
  });
  ws.send(JSON.stringify({ action: 'subscribe', channel: 'notifications' }));
  ws.onmessage = event => {
    const receivedAt = Date.now();
    let parsed: {
      channel?: string;
      message?: { action?: string; notification_id?: string };
    };
    try {
      parsed = JSON.parse(String(event.data));
    } catch {
      return;
    }
    const id = parsed.message?.notification_id;
    if (parsed.channel !== 'notifications' || !id) return;
    pending.push(
      (async () => {
        const res = await fetch(`${baseUrl}/api/notifications/${id}`, {
          headers: { authorization: `Bearer ${managerToken}` },
        });
        if (!res.ok) return;
        const n = (await res.json()) as NotificationBody;
        if (!n.payload.title.startsWith('SLA breached: response')) return;
        const number = n.payload.link?.split('/').pop() ?? '';
        const probe = probes.get(number);
        if (!probe || probe.signalDelay !== undefined) return;
        probe.signalDelay = receivedAt - probe.dueAt;
        probe.storedDelay = Date.parse(n.updated ?? n.created) - probe.dueAt;
      })().catch(() => undefined),
    );
  };
  // The subscription is a message on the socket; give it a moment to land.
  await sleep(500);

  async function file(i: number): Promise<BreachProbe> {
    const res = await fetch(`${baseUrl}/api/tickets/tickets`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${deskToken}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        type: 'incident',
        title: `Breach-delay probe ${i}`,
        description: 'scripts/bench/tickets.ts',
        channel: 'phone',
        urgency: 'high',
        impact: 'large',
        entityRefs: [options.entityRefs[i % options.entityRefs.length]],
      }),
    });
    const body = (await res.json()) as {
      number: string;
      clocks?: { response?: { dueAt?: string } };
    };
    if (res.status !== 201 || !body.clocks?.response?.dueAt) {
      throw new Error(`probe not filed: ${res.status} ${JSON.stringify(body)}`);
    }
    const probe: BreachProbe = {
      number: body.number,
      dueAt: Date.parse(body.clocks.response.dueAt),
    };
    probes.set(probe.number, probe);
    return probe;
  }

  async function round(count: number, offset: number): Promise<BreachProbe[]> {
    const filed: BreachProbe[] = [];
    for (let i = 0; i < count; i++) {
      filed.push(await file(offset + i));
      await sleep(700);
    }
    const deadline = Math.max(...filed.map(p => p.dueAt)) + 30_000;
    while (
      Date.now() < deadline &&
      filed.some(p => p.signalDelay === undefined)
    ) {
      await sleep(100);
    }
    await Promise.all(pending);
    return filed;
  }

  try {
    const idle = await round(options.probes, 0);
    // Again while the desk's queue is under the same load as in the read
    // phase: the watch shares the event loop and the database with it.
    const loadSeconds = Math.ceil(
      (options.probes * 700 + 5_000 + 8_000) / 1000,
    );
    const background = load('queue during breach probes', {
      url: `${baseUrl}/api/tickets/tickets?limit=25`,
      token: deskToken,
      connections: options.connections,
      seconds: loadSeconds,
    });
    await sleep(1000);
    const underLoad = await round(options.probes, options.probes);
    const bg = await background;
    return { idle, underLoad, loadPerSecond: bg.perSecond };
  } finally {
    ws.close();
  }
}

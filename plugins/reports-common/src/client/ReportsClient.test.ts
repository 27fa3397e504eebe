import { ResponseError } from '@backstage/errors';
import { ReportsClient } from './ReportsClient';

/** A fetch that records each request and answers with the next queued response. */
function fakeFetch(...responses: Response[]) {
  const requests: Array<{ url: string; init?: RequestInit }> = [];
  const fetch = jest.fn(async (url: string, init?: RequestInit) => {
    requests.push({ url, init });
    return responses.shift()!;
  }) as unknown as typeof globalThis.fetch;
  const client = new ReportsClient({
    discoveryApi: { getBaseUrl: async id => `http://portal/api/${id}` },
    fetchApi: { fetch },
  });
  return { client, requests };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });

describe('ReportsClient', () => {
  it('asks for a period and scope in the query, the system only when given', async () => {
    const { client, requests } = fakeFetch(json(200, {}), json(200, []));
    await client.getFigures({
      kind: 'month',
      from: '2026-11-01',
      to: '2026-11-30',
      system: 'system:default/trial',
    });
    await client.listReports({
      kind: 'week',
      from: '2026-11-23',
      to: '2026-11-29',
    });
    expect(requests.map(r => r.url)).toEqual([
      'http://portal/api/reports/figures?kind=month&from=2026-11-01&to=2026-11-30&system=system%3Adefault%2Ftrial',
      'http://portal/api/reports/reports?kind=week&from=2026-11-23&to=2026-11-29',
    ]);
  });

  it('tells a new version (201) from the unchanged latest one (200)', async () => {
    const { client, requests } = fakeFetch(
      json(201, { id: 'r2', version: 2 }),
      json(200, { id: 'r2', version: 2 }),
    );
    const request = {
      kind: 'month' as const,
      from: '2026-11-01',
      to: '2026-11-30',
      language: 'zh' as const,
    };
    expect(await client.issueReport(request)).toMatchObject({
      created: true,
      report: { version: 2 },
    });
    expect(await client.issueReport(request)).toMatchObject({ created: false });
    expect(requests[0].init?.method).toBe('POST');
    expect(JSON.parse(String(requests[0].init?.body))).toEqual(request);
  });

  it('throws the server’s error, e.g. the 409 of a second acknowledgement', async () => {
    const { client } = fakeFetch(
      json(409, {
        error: { name: 'ConflictError', message: 'already acknowledged' },
        response: { statusCode: 409 },
      }),
    );
    const error = await client.acknowledgeReport('r 1').catch(e => e);
    expect(ResponseError.is(error)).toBe(true);
    expect(error.statusCode).toBe(409);
    expect(error.cause.message).toBe('already acknowledged');
  });
});

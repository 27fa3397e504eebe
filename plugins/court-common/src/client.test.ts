import { ResponseError } from '@backstage/errors';
import fc from 'fast-check';
import { courtRequest, queryOf } from './client';

/** A family's API that answers `response` and records what it was sent. */
function api(response: Response) {
  const sent: { url: string; init?: RequestInit }[] = [];
  const request = courtRequest('tickets', {
    discoveryApi: {
      getBaseUrl: async id => `http://court.example/api/${id}`,
    },
    fetchApi: {
      fetch: async (url, init) => {
        sent.push({ url: String(url), init });
        return response;
      },
    },
  });
  return { request, sent };
}

describe('courtRequest', () => {
  it('sends a JSON body to the plugin and returns the JSON answer', async () => {
    const { request, sent } = api(
      Response.json({ number: 'INC-2026-0001' }, { status: 201 }),
    );
    await expect(
      request('POST', '/tickets', { title: '法庭 3 无声音' }),
    ).resolves.toEqual({ number: 'INC-2026-0001' });
    expect(sent).toEqual([
      {
        url: 'http://court.example/api/tickets/tickets',
        init: {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{"title":"法庭 3 无声音"}',
        },
      },
    ]);
  });

  it('sends no body and no content type without a body', async () => {
    const { request, sent } = api(Response.json([]));
    await request('GET', '/tickets?status=open');
    expect(sent[0].init).toEqual({
      method: 'GET',
      headers: undefined,
      body: undefined,
    });
  });

  it('throws a ResponseError carrying the error body and status', async () => {
    const { request } = api(
      Response.json(
        {
          error: { name: 'ConflictError', message: 'version 3 is not latest' },
          request: { method: 'PATCH', url: '/tickets/INC-2026-0001' },
          response: { statusCode: 409 },
        },
        { status: 409, statusText: 'Conflict' },
      ),
    );
    const thrown = await request('PATCH', '/tickets/INC-2026-0001', {}).catch(
      (error: unknown) => error,
    );
    expect(thrown).toBeInstanceOf(ResponseError);
    expect((thrown as ResponseError).statusCode).toBe(409);
    expect((thrown as ResponseError).body.error).toEqual({
      name: 'ConflictError',
      message: 'version 3 is not latest',
    });
    // The UI shows the server's reason (messageOf in court-react reads it).
    expect((thrown as ResponseError).cause.message).toBe(
      'version 3 is not latest',
    );
  });

  it('throws a ResponseError for an error answer that is not JSON', async () => {
    const { request } = api(
      new Response('Bad Gateway', { status: 502, statusText: 'Bad Gateway' }),
    );
    const thrown = await request('GET', '/tickets').catch(
      (error: unknown) => error,
    );
    expect(thrown).toBeInstanceOf(ResponseError);
    expect((thrown as ResponseError).statusCode).toBe(502);
  });

  it('gives undefined for 204 No Content instead of failing to parse', async () => {
    const { request } = api(new Response(null, { status: 204 }));
    await expect(request('DELETE', '/things/1')).resolves.toBeUndefined();
  });
});

describe('queryOf', () => {
  it('repeats the key of a list and leaves out absent values', () => {
    expect(
      queryOf({
        status: ['new', 'assigned'],
        q: '投影 仪',
        page: 2,
        x: undefined,
      }),
    ).toBe('?status=new&status=assigned&q=%E6%8A%95%E5%BD%B1+%E4%BB%AA&page=2');
    expect(queryOf({})).toBe('');
    expect(queryOf({ q: undefined })).toBe('');
  });

  it('round-trips through URLSearchParams', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string({ minLength: 1 }),
          fc.array(fc.string(), { minLength: 1, maxLength: 3 }),
        ),
        query => {
          const params = new URLSearchParams(queryOf(query).slice(1));
          for (const [key, values] of Object.entries(query)) {
            expect(params.getAll(key)).toEqual(values);
          }
        },
      ),
    );
  });
});

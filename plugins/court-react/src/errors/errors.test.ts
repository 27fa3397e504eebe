import { ResponseError } from '@backstage/errors';
import { isConflict, messageOf, toError } from '.';

async function responseError(status: number, message: string) {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'InputError', message },
        response: { statusCode: status },
      }),
      {
        status,
        statusText: 'Bad',
        headers: { 'Content-Type': 'application/json' },
      },
    ),
  );
}

describe('error helpers', () => {
  it('show the server’s own message, and say what a conflict is', async () => {
    const invalid = await responseError(400, 'body.title: is required');
    const stale = await responseError(409, 'saved meanwhile');
    expect(messageOf(invalid)).toBe('body.title: is required');
    expect(isConflict(stale)).toBe(true);
    expect(isConflict(invalid)).toBe(false);
    expect(isConflict(new Error('409'))).toBe(false);
  });

  it('turn anything thrown into an Error with its text', () => {
    expect(messageOf(new Error('offline'))).toBe('offline');
    expect(messageOf('timeout')).toBe('timeout');
    expect(toError(42)).toEqual(new Error('42'));
  });
});

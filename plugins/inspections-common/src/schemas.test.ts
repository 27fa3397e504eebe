import { virusSummaryQuerySchema } from './schemas';

describe('the virus statistics query', () => {
  it('answers a month as its first and last day, and a period as given', () => {
    expect(virusSummaryQuerySchema.parse({ month: '2026-02' })).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(
      virusSummaryQuerySchema.parse({ from: '2026-01-01', to: '2026-12-05' }),
    ).toEqual({ from: '2026-01-01', to: '2026-12-05' });
  });

  it.each([
    [{}, 'month'],
    [{ month: '2026-11', from: '2026-11-01', to: '2026-11-30' }, 'month'],
    [{ from: '2026-01-01' }, 'to'],
    [{ from: '2026-12-05', to: '2026-01-01' }, 'to'],
    [{ from: '2025-01-01', to: '2026-12-31' }, 'to'],
  ])('refuses %j, naming %s', (query, field) => {
    const parsed = virusSummaryQuerySchema.safeParse(query);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map(issue => issue.path.join('.'))).toContain(
      field,
    );
  });
});

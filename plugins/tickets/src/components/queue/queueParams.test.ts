import { parseQueueParams, queueParams, toListQuery } from './queueParams';

describe('queue parameters', () => {
  it('reads what it knows from the URL and ignores the rest', () => {
    const filters = parseQueueParams(
      new URLSearchParams(
        'view=mine&status=new,bogus,pending&level=L1&type=incident&q=recorder&breached=true&sort=sideways',
      ),
    );
    expect(filters).toEqual({
      view: 'mine',
      status: ['new', 'pending'],
      type: ['incident'],
      level: ['L1'],
      system: undefined,
      assignee: undefined,
      q: 'recorder',
      atRisk: false,
      breached: true,
      sort: 'due',
    });
  });

  it('writes only what differs from the default view, and reads it back', () => {
    const defaults = parseQueueParams(new URLSearchParams());
    expect(queueParams(defaults)).toEqual({});

    const filters = {
      ...defaults,
      view: 'at-risk' as const,
      status: ['on-site' as const],
      system: 'system:default/network',
      sort: 'created' as const,
    };
    const written = queueParams(filters);
    expect(parseQueueParams(new URLSearchParams(written))).toEqual(filters);
  });

  it('shows open tickets unless statuses are chosen', () => {
    const defaults = parseQueueParams(new URLSearchParams());
    expect(toListQuery(defaults)).toEqual({ open: 'true', sort: 'due' });
    expect(
      toListQuery({ ...defaults, status: ['resolved', 'closed'] }),
    ).toEqual({
      status: ['resolved', 'closed'],
      sort: 'due',
    });
  });

  it('lets the tabs override the assignee and at-risk filters', () => {
    const filters = {
      ...parseQueueParams(new URLSearchParams()),
      assignee: 'user:default/lina',
    };
    expect(toListQuery({ ...filters, view: 'mine' })).toMatchObject({
      assignee: 'me',
    });
    expect(toListQuery(filters)).toMatchObject({
      assignee: 'user:default/lina',
    });
    expect(toListQuery({ ...filters, view: 'at-risk' })).toMatchObject({
      atRisk: 'true',
    });
    expect(toListQuery(filters).atRisk).toBeUndefined();
  });
});

import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import { fakeApi, grant } from '../__testUtils__/render';
import { accessApiRef } from '../api';
import { MyGrantsCard } from './MyGrantsCard';

describe('MyGrantsCard', () => {
  it("asks for the engineer's own live and starting grants and shows each with its code in the court's time", async () => {
    const api = fakeApi();
    api.listGrants.mockResolvedValue([
      grant({
        id: 'g-live',
        decision: 'approved',
        state: 'live',
        verificationCode: '482719',
      }),
      grant({
        id: 'g-next',
        entityRef: 'resource:default/courtroom-host-t02',
        ticket: 'INC-2026-00043',
        decision: 'approved',
        state: 'approved',
        startsAt: '2026-12-05T06:00:00.000Z',
        endsAt: '2026-12-05T07:00:00.000Z',
        verificationCode: '130577',
      }),
    ]);
    await renderInTestApp(<MyGrantsCard />, { apis: [[accessApiRef, api]] });
    const rows = await screen.findAllByTestId('my-grant');
    expect(api.listGrants).toHaveBeenCalledWith({
      requestedBy: 'me',
      state: ['live', 'approved'],
    });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('pc-xuli · INC-2026-00042 · Live');
    expect(rows[0]).toHaveTextContent(
      '12-05 10:10 – 12-05 11:10 · Verification code 482719',
    );
    expect(
      within(rows[1]).getByText(
        /courtroom-host-t02 · INC-2026-00043 · Approved/,
      ),
    ).toBeInTheDocument();
    expect(rows[1]).toHaveTextContent('12-05 14:00 – 12-05 15:00');
  });

  it('says so when nothing is live', async () => {
    const api = fakeApi();
    api.listGrants.mockResolvedValue([]);
    await renderInTestApp(<MyGrantsCard />, { apis: [[accessApiRef, api]] });
    expect(
      await screen.findByText('No grant is live or about to start.'),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('my-grant')).toBeNull();
  });
});

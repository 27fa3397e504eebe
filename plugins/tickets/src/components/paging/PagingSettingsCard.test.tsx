import type {
  PagingApi,
  PersonalSettings,
} from '@internal/plugin-paging-common';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { pagingApiRef } from '../../api';
import { renderInDeskApp } from '../../__testUtils__/render';
import { PagingSettingsCard } from './PagingSettingsCard';

function fakePaging(initial: PersonalSettings) {
  const saved: PersonalSettings[] = [];
  const api: PagingApi = {
    getSettings: async () => initial,
    saveSettings: async settings => {
      saved.push(settings);
      return settings;
    },
  };
  return { api, saved };
}

describe('PagingSettingsCard', () => {
  it('saves the channels in the order ticked and the quiet hours', async () => {
    const paging = fakePaging({ channels: ['wecomApp'], quietHours: null });
    await renderInDeskApp(<PagingSettingsCard />, {
      apis: [[pagingApiRef, paging.api]],
    });
    await screen.findByText('WeCom message (1)');
    await userEvent.click(screen.getByLabelText('SMS'));
    await userEvent.click(screen.getByLabelText('WeCom message (1)'));
    await userEvent.click(screen.getByLabelText('E-mail'));
    expect(screen.getByText('SMS (1)')).toBeInTheDocument();
    expect(screen.getByText('E-mail (2)')).toBeInTheDocument();
    await userEvent.click(screen.getByLabelText('Quiet hours'));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    expect(paging.saved).toEqual([
      {
        channels: ['sms', 'email'],
        quietHours: { start: '22:00', end: '07:00' },
      },
    ]);
  });

  it('cannot save with no channel at all', async () => {
    const paging = fakePaging({ channels: ['sms'], quietHours: null });
    await renderInDeskApp(<PagingSettingsCard />, {
      apis: [[pagingApiRef, paging.api]],
    });
    await userEvent.click(await screen.findByLabelText('SMS (1)'));
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
  });
});

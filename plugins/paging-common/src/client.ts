import {
  CourtClientOptions,
  CourtRequest,
  courtRequest,
} from '@internal/plugin-court-common';
import type { PersonalSettings } from './config';

/** The signed-in user's own paging settings (/api/paging/settings). */
export interface PagingApi {
  /** One's own settings, or the portal's default channels and no quiet hours. */
  getSettings(): Promise<PersonalSettings>;
  saveSettings(settings: PersonalSettings): Promise<PersonalSettings>;
}

/** HTTP client of the paging API; the same in the browser and in Node. */
export class PagingClient implements PagingApi {
  private readonly request: CourtRequest;

  constructor(options: CourtClientOptions) {
    this.request = courtRequest('paging', options);
  }

  getSettings(): Promise<PersonalSettings> {
    return this.request('GET', '/settings');
  }

  saveSettings(settings: PersonalSettings): Promise<PersonalSettings> {
    return this.request('PUT', '/settings', settings);
  }
}

import {
  AuthService,
  coreServices,
  createServiceFactory,
  createServiceRef,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  CalendarApi,
  CalendarClient,
  EnteredSchedules,
} from '@internal/plugin-calendar-common';

/** The years entered in the portal, as the other backends use them. */
export interface OfficialCalendarService {
  /**
   * The portal's years, at most `ttlMs` old. When the calendar backend cannot
   * be reached, the last years known (none at first) and a logged warning.
   */
  enteredSchedules(): Promise<EnteredSchedules>;
}

/** Nothing known yet: config and the package's data only. */
const NOTHING: EnteredSchedules = { revision: -1, schedules: [] };

/**
 * Reads the calendar backend: every `ttlMs` the cheap revision, the years
 * only when it changed, one request at a time however many callers wait.
 */
export class HttpOfficialCalendar implements OfficialCalendarService {
  private known: EnteredSchedules = NOTHING;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private pending?: Promise<EnteredSchedules>;

  constructor(
    private readonly options: {
      api: Pick<CalendarApi, 'getRevision' | 'getEnteredSchedules'>;
      logger: LoggerService;
      ttlMs: number;
      /** Monotonic milliseconds; injectable for tests. */
      elapsed?: () => number;
    },
  ) {}

  enteredSchedules(): Promise<EnteredSchedules> {
    const elapsed = this.options.elapsed ?? (() => performance.now());
    if (elapsed() - this.checkedAt < this.options.ttlMs) {
      return Promise.resolve(this.known);
    }
    this.pending ??= this.refresh(elapsed).finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async refresh(elapsed: () => number): Promise<EnteredSchedules> {
    const { api, logger } = this.options;
    try {
      const { revision } = await api.getRevision();
      if (revision !== this.known.revision) {
        this.known = await api.getEnteredSchedules();
        logger.info(
          `official calendar revision ${
            this.known.revision
          }: years entered in the portal: ${
            this.known.schedules.map(s => s.year).join(', ') || 'none'
          }`,
        );
      }
    } catch (error) {
      logger.warn(
        `official calendar not reachable (${error}); using ${
          this.known === NOTHING
            ? 'config and the chinese-days data only'
            : `revision ${this.known.revision}`
        }`,
      );
    }
    this.checkedAt = elapsed();
    return this.known;
  }
}

/**
 * The official schedules entered in the portal, for any backend plugin:
 * fetched from the calendar backend with the plugin's service credentials,
 * re-checked every 30 seconds, so a loaded year takes effect on every replica
 * without a restart.
 */
export const officialCalendarServiceRef =
  createServiceRef<OfficialCalendarService>({
    id: 'court.official-calendar',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: {
          auth: coreServices.auth,
          discovery: coreServices.discovery,
          logger: coreServices.logger,
        },
        factory: ({ auth, discovery, logger }) =>
          new HttpOfficialCalendar({
            api: new CalendarClient({
              discoveryApi: discovery,
              fetchApi: { fetch: serviceFetch(auth) },
            }),
            logger,
            ttlMs: 30_000,
          }),
      }),
  });

/** fetch with this plugin's service token for the calendar backend. */
function serviceFetch(auth: AuthService): typeof fetch {
  return async (input, init) => {
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'calendar',
    });
    return fetch(input, {
      ...init,
      headers: { ...init?.headers, Authorization: `Bearer ${token}` },
    });
  };
}

import {
  AuthService,
  BackstageCredentials,
  coreServices,
  createServiceFactory,
  createServiceRef,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { EventsService, eventsServiceRef } from '@backstage/plugin-events-node';
import {
  CourtClock,
  courtClockServiceRef,
  pluginFetch,
} from '@internal/plugin-court-node';
import {
  DutyApi,
  DUTY_CHANGED_TOPIC,
  DutyClient,
  FilingDuty,
  filingDutyIn,
  OnCall,
  onSiteForPost,
} from '@internal/plugin-duty-common';
import { FilingDutySpans } from './filingDutySpans';

/** The duty roster's API for other backend families (tickets, inspections, SLA warnings). */
export interface DutyService {
  /**
   * Who is on call at an instant, asked with the calling plugin's own credentials; undefined
   * when the duty plugin does not answer (not installed, stopped), so the caller keeps its
   * behaviour without a roster.
   */
  onCallAt(instant: string): Promise<OnCall | undefined>;
  /**
   * For a ticket filed at `instant` on `refs` (its devices and their systems): who is on call
   * then, and the floor a major-event plan running then gives it (重点保障; null when none covers
   * them). Answered from a minute's span of duty asked for once (`FilingDutySpans`) and
   * forgotten when duty announces a change. Undefined when duty does not answer: the ticket is
   * filed as without a roster, at its own level.
   */
  filingDutyAt(
    instant: string,
    refs: readonly string[],
  ): Promise<FilingDuty | undefined>;
  /**
   * Who stands on-site duty for `post` on a local date (`onSiteForPost`): empty when the month
   * has no roster or nobody is on; undefined when duty does not answer or has no such post.
   */
  onSiteFor(date: string, post: string): Promise<string[] | undefined>;
  /** The duty API as `credentials` call it (a user's: their permissions apply). */
  as(credentials: BackstageCredentials): DutyApi;
}

/** The duty API over HTTP, found through discovery, signed by `auth`. */
export async function createDutyService(deps: {
  auth: AuthService;
  discovery: { getBaseUrl(pluginId: string): Promise<string> };
  logger: LoggerService;
  clock: CourtClock;
  events: EventsService;
}): Promise<DutyService> {
  const { auth, discovery, logger, clock, events } = deps;
  const client = (
    onBehalfOf: Parameters<typeof pluginFetch>[0]['onBehalfOf'],
  ) =>
    new DutyClient({
      discoveryApi: discovery,
      fetchApi: pluginFetch({ auth, targetPluginId: 'duty', onBehalfOf }),
    });
  const own = client(() => auth.getOwnServiceCredentials());
  const spans = new FilingDutySpans(
    from => own.filingDutySpan(from),
    () => clock.now().toMillis(),
  );
  await events.subscribe({
    id: 'duty-filing-spans',
    topics: [DUTY_CHANGED_TOPIC],
    onEvent: async () => spans.forget(),
  });
  return {
    async onCallAt(instant) {
      try {
        return await own.onCall(instant);
      } catch (error) {
        logger.warn(
          `duty did not answer who is on call at ${instant}: ${error}`,
        );
        return undefined;
      }
    },
    async filingDutyAt(instant, refs) {
      try {
        return filingDutyIn(await spans.covering(instant), instant, refs);
      } catch (error) {
        logger.warn(
          `duty did not answer who is on call and the major-event floor at ${instant}: ${error}`,
        );
        return undefined;
      }
    },
    async onSiteFor(date, post) {
      try {
        const { posts } = await own.getSetup();
        if (!posts.some(p => p.id === post)) {
          logger.warn(`duty has no post ${post}`);
          return undefined;
        }
        const roster = await own.getRoster(date.slice(0, 7)).catch(error =>
          // The court client's ResponseError: a month without a roster is a 404.
          (error as { statusCode?: number }).statusCode === 404
            ? undefined
            : Promise.reject(error),
        );
        return roster ? onSiteForPost(posts, roster.shifts, date, post) : [];
      } catch (error) {
        logger.warn(
          `duty did not answer who is on site for ${post} on ${date}: ${error}`,
        );
        return undefined;
      }
    },
    as: credentials => client(credentials),
  };
}

/**
 * Depend on this to ask the duty roster. The default factory uses the plugin's discovery, auth
 * and logger; tests may substitute a fake.
 */
export const dutyServiceRef = createServiceRef<DutyService>({
  id: 'courtops.duty',
  scope: 'plugin',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        logger: coreServices.logger,
        clock: courtClockServiceRef,
        events: eventsServiceRef,
      },
      factory: createDutyService,
    }),
});

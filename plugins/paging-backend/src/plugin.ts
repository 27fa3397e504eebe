import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { courtClockServiceRef } from '@internal/plugin-court-node';
import { onCallServiceRef } from '@internal/plugin-paging-node';
import { ticketsServiceRef } from '@internal/plugin-tickets-node';
import { createSenders } from './channels/senders';
import { readPagingConfig } from './config';
import { PagingStore } from './database/PagingStore';
import { createRouter } from './router';
import { Directory } from './service/Directory';
import { Pager } from './service/Pager';
import { TicketCommentHistory } from './service/TicketHistory';

/**
 * Paging that wakes people (issue 23): WeCom, DingTalk, an SMS gateway and
 * e-mail through an outbox, acknowledgement by short link or SMS reply,
 * escalation on the court clock; /api/paging.
 */
export const pagingPlugin = createBackendPlugin({
  pluginId: 'paging',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        auditor: coreServices.auditor,
        lifecycle: coreServices.lifecycle,
        catalog: catalogServiceRef,
        tickets: ticketsServiceRef,
        onCall: onCallServiceRef,
        clock: courtClockServiceRef,
      },
      async init(deps) {
        const config = readPagingConfig(deps.config);
        const store = await PagingStore.create({
          database: deps.database,
          skipMigrations: deps.database.migrations?.skip,
        });
        const pager = new Pager({
          store,
          config,
          clock: deps.clock,
          onCall: deps.onCall,
          directory: new Directory(deps.catalog, deps.auth),
          senders: createSenders(config.channels, () =>
            deps.clock.now().toMillis(),
          ),
          history: new TicketCommentHistory(deps),
          logger: deps.logger,
          maxSleepMs: 60_000,
        });
        deps.httpRouter.use(
          await createRouter({
            pager,
            store,
            config,
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
            clock: deps.clock,
          }),
        );
        // The short link is opened on a phone, signed in to nothing; its code is the credential.
        deps.httpRouter.addAuthPolicy({ path: '/a', allow: 'unauthenticated' });
        // The SMS gateway proves itself with its token (paging.channels.sms.replyToken).
        deps.httpRouter.addAuthPolicy({
          path: '/sms-replies',
          allow: 'unauthenticated',
        });
        if (config.enabled) {
          deps.lifecycle.addStartupHook(() => pager.start());
          deps.lifecycle.addShutdownHook(() => pager.stop());
        }
      },
    });
  },
});

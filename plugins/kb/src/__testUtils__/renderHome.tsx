import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { answeringPermissionApi } from '@internal/plugin-court-react/testUtils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { kbApiRef } from '../api';
import { makeArticle, mockKbApi, summaryOf } from './fixtures';
import { renderInKbApp } from './render';
import { KnowledgeHomePage } from '../components/home/KnowledgeHomePage';


/** The home page against a mock API; court staff get DENY on creating articles. */
export async function renderHome(options: { staff?: boolean } = {}) {
  const api = mockKbApi();
  const permissions = answeringPermissionApi(() =>
    options.staff ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
  );
  api.searchArticles.mockImplementation(async query =>
    query?.q
      ? {
          items: [summaryOf(makeArticle(), '今天打印机卡纸了，请打开前盖')],
          total: 1,
          kinds: { 'known-error': 0, runbook: 0, 'how-to': 1, faq: 0 },
        }
      : {
          items: [summaryOf(makeArticle({ id: 'KB-00002', title: 'UPS 转电池供电' }))],
          total: 1,
          kinds: { 'known-error': 1, runbook: 5, 'how-to': 3, faq: 1 },
        },
  );
  await renderInKbApp(<KnowledgeHomePage />, {
    apis: [
      [kbApiRef, api],
      [catalogApiRef, catalogApiMock()],
      [permissionApiRef, permissions.api],
    ],
  });
  return { api, permissions };
}


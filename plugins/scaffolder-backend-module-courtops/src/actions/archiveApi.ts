import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { InputError, ResponseError } from '@backstage/errors';
import type {
  ArchiveDocument,
  DocumentClass,
  VolumeResult,
} from '@internal/plugin-archive-common';
import { pluginFetch } from '@internal/plugin-court-node';

export interface CompileVolumeRequest {
  readonly year: number;
  readonly quarter: number;
  readonly classes?: readonly DocumentClass[];
  /** The scaffolder task's id: a retried task never adds a second version. */
  readonly requestKey: string;
}

export interface DraftRequest {
  readonly kind: 'work-plan' | 'work-summary' | 'weekly' | 'monthly';
  readonly from: string;
  readonly to: string;
  readonly requestKey: string;
}

/** The archive backend's endpoints the templates use, called as the user who runs the task. */
export interface ArchiveApi {
  compileVolume(
    request: CompileVolumeRequest,
    credentials: BackstageCredentials,
  ): Promise<VolumeResult>;
  createDraft(
    request: DraftRequest,
    credentials: BackstageCredentials,
  ): Promise<ArchiveDocument>;
}

/** Where the portal shows an archived document. */
export function documentPage(documentId: string): string {
  return `/archive/documents/${encodeURIComponent(documentId)}`;
}

export function archiveApiOverHttp(options: {
  auth: AuthService;
  discovery: DiscoveryService;
}): ArchiveApi {
  const post = async <T>(
    path: string,
    body: unknown,
    credentials: BackstageCredentials,
  ): Promise<T> => {
    const { fetch } = pluginFetch({
      auth: options.auth,
      targetPluginId: 'archive',
      onBehalfOf: credentials,
    });
    const response = await fetch(
      `${await options.discovery.getBaseUrl('archive')}${path}`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      },
    );
    if (!response.ok) {
      const error = await ResponseError.fromResponse(response);
      // The task page shows what the archive said, e.g. `body.quarter: …`.
      throw response.status < 500
        ? new InputError(error.body.error.message)
        : error;
    }
    return (await response.json()) as T;
  };
  return {
    compileVolume: (request, credentials) =>
      post('/volumes', request, credentials),
    createDraft: (request, credentials) =>
      post('/drafts', request, credentials),
  };
}

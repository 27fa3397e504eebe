import type { Entity } from '@backstage/catalog-model';

export const courtroomSystem: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'courtroom-trial', title: 'Courtroom trial system' },
  spec: { owner: 'group:default/av-post' },
};

export const courtroomRecorder: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'courtroom-7-recorder', title: 'Courtroom 7 recorder' },
  spec: { type: 'courtroom-recorder', system: 'courtroom-trial' },
};

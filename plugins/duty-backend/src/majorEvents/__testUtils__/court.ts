/** The rooms of the court's location register a major event may take place in. */
export const MAJOR_EVENT_ROOMS = [
  {
    id: 'A-1F-T09',
    building: '审判楼',
    buildingEn: 'Trial Building',
    floor: '1F',
    room: '第九法庭（大法庭）',
    roomEn: 'Courtroom 9 (Grand Courtroom)',
    kind: 'courtroom',
  },
];

/** The catalog a plan's scope names: the trial system and a recorder in it, a switch outside. */
export const MAJOR_EVENT_CATALOG = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'courtroom-trial' },
    spec: { owner: 'onsite-team' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'courtroom-recorder-t09' },
    spec: {
      type: 'courtroom-recorder',
      owner: 'onsite-team',
      system: 'courtroom-trial',
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'core-switch-01' },
    spec: { type: 'switch', owner: 'onsite-team', system: 'network' },
  },
];

import { describeChineseTranslation } from '@internal/plugin-court-react/testUtils';
import { dutyMessages } from '../translation';
import zh from './zh';

describeChineseTranslation(dutyMessages, zh, [
  ['status', ['draft', 'published']],
  ['dayKind', ['working', 'rest', 'holiday']],
  ['flag', ['on-time', 'late', 'missing', 'upcoming']],
  ['leaveStatus', ['requested', 'approved', 'refused', 'withdrawn']],
  ['swapStatus', ['requested', 'approved', 'refused']],
  [
    'problem',
    [
      'coverage',
      'phone',
      'vacant',
      'double-booking',
      'rest',
      'on-leave',
      'not-approved',
      'not-qualified',
    ],
  ],
]);

import { describeChineseTranslation } from '@internal/plugin-court-react/testUtils';
import { GRANT_SCOPES, GRANT_STATES } from '@internal/plugin-access-common';
import { accessMessages } from '../translation';
import zh from './zh';

describeChineseTranslation(accessMessages, zh, [
  ['grantState', GRANT_STATES],
  ['grantScope', GRANT_SCOPES],
]);

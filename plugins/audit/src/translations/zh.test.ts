import { AUDIT_OUTCOMES } from '@internal/plugin-audit-common';
import { describeChineseTranslation } from '@internal/plugin-court-react/testUtils';
import { auditMessages } from '../translation';
import zh from './zh';

describeChineseTranslation(auditMessages, zh, [['outcome', AUDIT_OUTCOMES]]);

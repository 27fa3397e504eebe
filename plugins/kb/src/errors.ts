export { isConflict, messageOf } from '@internal/plugin-court-react';

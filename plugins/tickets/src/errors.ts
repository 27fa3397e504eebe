export { isConflict, messageOf, toError } from '@internal/plugin-court-react';

export { accessApiRef } from '@internal/plugin-court-react';

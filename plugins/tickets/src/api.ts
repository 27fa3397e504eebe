// The ref lives in the court layer so other families can call the service desk.
export { ticketsApiRef } from '@internal/plugin-court-react';

// The ref lives in the court layer so other families can call the knowledge base.
export { kbApiRef } from '@internal/plugin-court-react';

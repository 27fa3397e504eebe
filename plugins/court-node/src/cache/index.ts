export { ExpiringEntries } from './ExpiringEntries';

export * from './ReportsClient';

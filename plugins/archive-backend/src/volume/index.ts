export * from './types';
export { compileVolume } from './compileVolume';

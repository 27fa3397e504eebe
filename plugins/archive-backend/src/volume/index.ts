export * from './types';
export { compileVolume } from './compileVolume';
export { volumeIndexWorkbook } from './indexWorkbook';
export * from './VolumeService';

export { useAsyncReload } from './useAsyncReload';
export type { ReloadableState } from './useAsyncReload';

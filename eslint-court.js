/**
 * Lint rules of the court's own, added to Backstage's (each package's .eslintrc.js passes them to
 * @backstage/cli's eslint-factory).
 */
const useAsyncReload =
  "Use useAsyncReload from @internal/plugin-court-react: react-use's useAsyncRetry ignores retry() while a load is under way, so a page can keep showing an answer it asked to replace (court-react src/loading).";

/** For the frontend packages: imports that must not come back. */
const frontendRestrictedImports = [
  {
    name: 'react-use',
    importNames: ['useAsyncRetry'],
    message: useAsyncReload,
  },
  { name: 'react-use/esm/useAsyncRetry', message: useAsyncReload },
  { name: 'react-use/lib/useAsyncRetry', message: useAsyncReload },
];

module.exports = { frontendRestrictedImports };

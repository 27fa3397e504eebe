/**
 * Auth module: sign in as any example user on the embedded default.
 *
 * @packageDocumentation
 */
export {
  authModuleExampleUsersProvider as default,
  EXAMPLE_USER_HEADER,
} from './module';

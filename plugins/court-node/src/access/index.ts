export { ResourceAccess } from './ResourceAccess';

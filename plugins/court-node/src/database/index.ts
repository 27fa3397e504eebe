export { GroupCommit } from './groupCommit';
export { isSqlite, prepareStoreDatabase } from './storeDatabase';

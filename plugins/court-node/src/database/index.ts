export { isSqlite, prepareStoreDatabase } from './storeDatabase';

export type { Db, Queryable } from './types.js';
export { openDatabase, type OpenDatabaseOptions } from './open.js';
export { migrate } from './migrate.js';
export { migrations, type Migration } from './migrations/index.js';
export { truncateAll } from './truncate.js';
export { DatabaseBusyError, isUniqueViolation } from './errors.js';

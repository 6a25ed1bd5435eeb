/** Whether a database error is a unique-constraint violation (SQLSTATE 23505), on PGlite and PostgreSQL alike. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!error || typeof error !== 'object') return false;
  const { code, constraint: name } = error as { code?: unknown; constraint?: unknown };
  return code === '23505' && (constraint === undefined || name === undefined || name === constraint);
}

/** Refused at once because too many statements already wait for the database (answered 503 with Retry-After). */
export class DatabaseBusyError extends Error {
  constructor(readonly waiting: number) {
    super(`The database has ${waiting} statements waiting; refused rather than queued.`);
    this.name = 'DatabaseBusyError';
  }
}

/** Whether a database error is a unique-constraint violation (SQLSTATE 23505), on PGlite and PostgreSQL alike. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!error || typeof error !== 'object') return false;
  const { code, constraint: name } = error as { code?: unknown; constraint?: unknown };
  return code === '23505' && (constraint === undefined || name === undefined || name === constraint);
}

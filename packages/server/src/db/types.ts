/** Something that runs parameterised SQL: the database itself or an open transaction. */
export interface Queryable {
  /** One statement with `$1…` parameters. */
  query<R = Record<string, any>>(sql: string, params?: readonly unknown[]): Promise<{ rows: R[] }>;
  /** Several statements without parameters (migrations, truncation). */
  exec(sql: string): Promise<void>;
}

/** The store behind the API: PGlite (embedded) or PostgreSQL (`pg` pool). */
export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

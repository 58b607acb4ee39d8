/**
 * Records the SQL the API runs for a request, with its parameters, so the raw
 * baseline server can run the very same statements. We hook the API's own
 * statement cache in-process: no SQL is copied by hand, so the two cannot drift.
 */
import { createCaller, createContextInner, getServices } from '@cos/api';
import type { DatabaseHandle } from '@cos/db';
import { memberDirectoryQuery } from '@cos/domain';
import { Q1, Q2 } from './cases';

export interface CapturedStatement {
  sql: string;
  params: unknown[];
  mode: 'all' | 'get';
}

export type QueryPlan = Record<'q1' | 'q2' | 'q3', CapturedStatement[]>;

export async function captureQueryPlan(handle: DatabaseHandle, slug: string): Promise<QueryPlan> {
  const services = getServices(handle);
  const caller = createCaller(createContextInner({ handle }));
  const statements = services.statements;
  const original = statements.get.bind(statements);
  let log: CapturedStatement[] = [];
  statements.get = (sql: string) => {
    const statement = original(sql);
    return new Proxy(statement, {
      get(target, property, receiver) {
        if (property === 'all' || property === 'get') {
          return (...params: unknown[]) => {
            log.push({ sql, params, mode: property });
            return property === 'all' ? target.all(...params) : target.get(...params);
          };
        }
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function'
          ? (value as (...a: unknown[]) => unknown).bind(target)
          : value;
      },
    });
  };
  // Scans that read rows as arrays go through rows(), which prepares its own statement.
  const originalRows = statements.rows.bind(statements);
  statements.rows = <T extends unknown[]>(sql: string, params: unknown[] = []): T[] => {
    log.push({ sql, params, mode: 'all' });
    return originalRows<T>(sql, params);
  };
  /** What one more identical request runs: the API's caches are warm. */
  const warm = async (call: () => Promise<unknown>) => {
    await call();
    log = [];
    await call();
    return log;
  };
  /**
   * What the first request for this search runs, leaving out the shared index, lookups and
   * change-log reads it builds or makes. The very first call, not one after invalidating:
   * rankings are kept up to date in place now, so an invalidated cache would not rank again.
   */
  const cold = async (call: () => Promise<unknown>) => {
    log = [];
    await call();
    return log.filter(
      (s) =>
        !/ORDER BY member_id|FROM members ORDER BY id|FROM areas ORDER BY|FROM clusters ORDER BY|member_changes|data_scopes/.test(
          s.sql,
        ),
    );
  };
  const directoryQuery = memberDirectoryQuery.parse(Q1);
  const total = services.directory.totalSql(directoryQuery, { statuses: ['published'] });
  const plan: QueryPlan = {
    // Q1: the page and, as in the anchors, the total — which SQL has to count every time
    // (the API answers it from its in-memory index).
    q1: [
      ...(await warm(() => caller.member.directory(Q1))),
      { sql: total.sql, params: total.params, mode: 'get' },
    ],
    // Q2: a search as it runs the first time: rank every match, then fill the page.
    q2: await cold(() => caller.member.directory(Q2)),
    q3: await warm(() => caller.member.bySlug({ slug })),
  };
  statements.get = original;
  statements.rows = originalRows;
  return plan;
}

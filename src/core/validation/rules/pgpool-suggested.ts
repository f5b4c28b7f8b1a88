import { SOURCES } from '../../catalog/sources';
import type { Rule } from '../rule';

/**
 * The seed text suggests PgPool-II between the services and the database so the database can
 * scale. Only for CE Multi-Server plans (the legacy profile); the commercial installer dropped it.
 */
export const pgpoolSuggested: Rule = {
  id: 'pgpool-suggested',
  summary: 'A CE Multi-Server may put PgPool-II (Database Connector) in front of the Database.',
  check(ctx) {
    const database = ctx.holders('database');
    if (ctx.catalog.edition !== 'ce' || ctx.plan.nodes.length < 2 || database.length === 0) return [];
    if (ctx.holders('db-connection').length > 0) return [];
    return [
      {
        rule: this.id,
        severity: 'info',
        message: `The Carbonio docs once suggested a middleware, PgPool-II (Database Connector, db-connection), in front of the Database on ${ctx.label(database[0]!)} "to be independent of the underlying database(s) and be able to scale". Optional: PgPool left the docs in April 2024.`,
        nodeIds: [],
        roleId: 'db-connection',
        source: SOURCES.pgpool,
      },
    ];
  },
};

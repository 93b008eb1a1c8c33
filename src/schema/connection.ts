// A domain page in the Relay connection shape, and what every connection adds to Relay's.
import type { Page } from '../domain/pagination.js';
import { builder } from './builder.js';
import { COST } from './cost.js';

export function toConnection<T>(page: Page<T>) {
  return {
    totalCount: page.totalCount,
    edges: page.nodes.map((node, index) => ({ cursor: page.cursors[index]!, node })),
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: page.cursors[0] ?? null,
      endCursor: page.cursors[page.cursors.length - 1] ?? null,
    },
  };
}

builder.globalConnectionField('totalCount', (t) =>
  t.int({
    nullable: false,
    description: `Items in the whole list with its filter and search, across all pages. A count reads every match: it costs ${COST.count}.`,
    extensions: { cost: COST.count },
    resolve: (connection) => (connection as unknown as ReturnType<typeof toConnection>).totalCount(),
  }),
);

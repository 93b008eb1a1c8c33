// A domain page in the Relay connection shape.
import type { Page } from '../domain/pagination.js';

export function toConnection<T, Extra extends object = object>(page: Page<T>, extra?: Extra) {
  return {
    ...(extra as Extra),
    edges: page.nodes.map((node, index) => ({ cursor: page.cursors[index]!, node })),
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: page.cursors[0] ?? null,
      endCursor: page.cursors[page.cursors.length - 1] ?? null,
    },
  };
}

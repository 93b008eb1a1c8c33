import type { ImageStatus } from './gql/graphql.js';

/** An image's status; it changes in place when imageStatusChanged reports a change. */
export function StatusBadge({ status }: { status: ImageStatus }) {
  return <span className={`badge badge-${status.toLowerCase()}`} data-status={status}>{status.replace('_', ' ')}</span>;
}

import type { TaskState } from './gql/graphql.js';

/** A task's progress, as taskUpdated reports it. */
export function TaskProgress({ label, progress, state }: { label: string; progress: number; state?: TaskState }) {
  return (
    <div className="progress">
      <progress aria-label={label} max={100} value={progress} />
      <span>{progress} %{state ? ` · ${state}` : ''}</span>
    </div>
  );
}

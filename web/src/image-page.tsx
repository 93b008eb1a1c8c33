// An image: its values, metadata, tags, members, tasks and replicas; a QUEUED image takes a file.
import { useEffect, useRef } from 'react';
import { useQuery, useSubscription } from 'urql';
import type { ImagePageQuery as ImagePageQueryResult, TaskState, TaskType } from './gql/graphql.js';
import { ImagePageQuery, ImageStatusSubscription, ImageTasksQuery, TaskProgressSubscription } from './operations.js';
import { formatBytes } from './format.js';
import { imageHref } from './route.js';
import { StatusBadge } from './status-badge.js';
import { TaskProgress } from './task-progress.js';
import { MetadataEditor } from './metadata-editor.js';
import { TagEditor } from './tag-editor.js';
import { Members } from './members.js';
import { FileUpload } from './file-upload.js';

export function ImagePage({ id }: { id: string }) {
  const [result] = useQuery({ query: ImagePageQuery, variables: { id } });
  const [taskList, refetchTasks] = useQuery({ query: ImageTasksQuery, variables: { id } });
  const image = result.data?.image;
  const status = image?.status;
  // Once the page has its answer, the image's own stream: its first event is the state now.
  useSubscription({ query: ImageStatusSubscription, variables: { id }, pause: !image });
  // A status change may come with a task this page has not seen (an upload, an import): ask again.
  const seen = useRef(status);
  useEffect(() => {
    if (seen.current && status && seen.current !== status) refetchTasks({ requestPolicy: 'network-only' });
    seen.current = status;
  }, [status, refetchTasks]);

  if (result.fetching && !result.data) return <p aria-live="polite">Loading…</p>;
  if (result.error) return <p className="form-error" role="alert">{result.error.message}</p>;
  if (!image) return <p role="alert">No such image, or it is not visible to you.</p>;
  const tasks = taskList.data?.tasks.edges.map((edge) => edge.node) ?? [];
  const rights = rightsOf(result.data!.viewer, image);

  return (
    <article aria-labelledby="image-title" className="image-page">
      <p><a href="#/">← Catalog</a></p>
      <h1 id="image-title">{image.name} <StatusBadge status={image.status} /></h1>
      {/* The badge changes live: say so to those who cannot see it. */}
      <p className="visually-hidden" aria-live="polite">Status {image.status}</p>
      <dl className="facts">
        <dt>Visibility</dt><dd>{image.visibility}</dd>
        <dt>Region</dt><dd>{image.region.name}</dd>
        <dt>Owner</dt><dd>{image.owner?.name ?? 'Provider catalog'}</dd>
        <dt>Disk format</dt><dd>{image.diskFormat ?? '—'}</dd>
        <dt>Size</dt><dd data-testid="image-size">{formatBytes(image.size)}</dd>
        <dt>Checksum</dt><dd className="mono wrap">{image.checksum ?? '—'}</dd>
        <dt>Version</dt><dd>{image.version ?? '—'}</dd>
        <dt>Protected</dt><dd>{image.protected ? 'yes' : 'no'}</dd>
        {image.description && <><dt>Description</dt><dd>{image.description}</dd></>}
      </dl>

      {/* Kept while SAVING: the upload itself moves the image there, and its bar and outcome stay in view. */}
      {rights.canChange && (image.status === 'QUEUED' || image.status === 'SAVING') && <FileUpload imageId={image.id} />}

      <MetadataEditor imageId={image.id} items={image.metadata} editable={rights.canChange} />
      <TagEditor imageId={image.id} tags={image.tags} editable={rights.canChange} />
      <Members imageId={image.id} members={image.members} canOffer={rights.canOffer} mayAnswer={rights.mayAnswer} />

      <section aria-labelledby="tasks-title">
        <h2 id="tasks-title">Tasks</h2>
        {tasks.length === 0 ? <p>No tasks.</p> : (
          <ul className="tasks">
            {tasks.map((task) => (
              <TaskRow key={task.id} task={task} />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="replicas-title">
        <h2 id="replicas-title">Replicas</h2>
        {image.replicas.length === 0 ? <p>No replicas.</p> : (
          <ul>
            {image.replicas.map((replica) => (
              <li key={replica.id}><a href={imageHref(replica.id)}>{replica.name}</a> in {replica.region.name} <StatusBadge status={replica.status} /></li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}

interface TaskItem { id: string; type: TaskType; state: TaskState; progress: number; error?: string | null; createdAt: string }

/** A task; while it runs, its own stream keeps the bar current (its first event is the state now). */
function TaskRow({ task }: { task: TaskItem }) {
  const running = task.state === 'NEW' || task.state === 'RUNNING';
  useSubscription({ query: TaskProgressSubscription, variables: { id: task.id }, pause: !running });
  return (
    <li>
      <span>{task.type} · {new Date(task.createdAt).toLocaleString()}</span>
      <TaskProgress label={`${task.type} progress`} progress={task.progress} state={task.state} />
      {task.error && <p className="field-error">{task.error}</p>}
    </li>
  );
}

type Viewer = ImagePageQueryResult['viewer'];

/**
 * What the caller may do to the image (src/domain/permissions.ts, members.ts): administrators and
 * the owning project's writers change it and offer it, when SHARED; a member answers for itself,
 * an administrator for any member. The controls for anything else are not shown.
 */
function rightsOf(viewer: Viewer, image: { visibility: string; owner?: { id: string } | null }) {
  const writer = !viewer.readOnly && viewer.kind !== 'RESELLER';
  const canChange = writer && (viewer.kind === 'ADMIN' || viewer.project?.id === image.owner?.id);
  return {
    canChange,
    canOffer: canChange && image.visibility === 'SHARED',
    mayAnswer: (projectId: string) => writer && (viewer.kind === 'ADMIN' || viewer.project?.id === projectId),
  };
}

// Who is asking: the principal an API token or a JWT stands for. A request without one never
// reaches the domain (HTTP 401).

export type Viewer =
  | { kind: 'admin' }
  /** The administrator of one reseller: manages its shared-image rows, sees its clients' images. */
  | { kind: 'reseller'; resellerId: string }
  /** A member of one project; `resellerId` is the project's reseller, if it has one. */
  | { kind: 'member'; projectId: string; resellerId: string | null; readOnly: boolean };

/** Whether the viewer may change anything at all (read-only members may not). */
export const canWrite = (viewer: Viewer) => viewer.kind !== 'member' || !viewer.readOnly;

/** Viewers with the same key see the same images and tasks (read-only changes what one may do, not see). */
export function visibilityKey(viewer: Viewer): string {
  switch (viewer.kind) {
    case 'admin':
      return 'admin';
    case 'reseller':
      return `reseller:${viewer.resellerId}`;
    case 'member':
      return `member:${viewer.projectId}:${viewer.resellerId ?? ''}`;
  }
}

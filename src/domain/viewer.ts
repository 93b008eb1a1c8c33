// Who is asking. Until tokens are enforced every caller acts as an administrator,
// but every read already goes through the scope in visibility.ts.

export type Viewer = { kind: 'admin' };

export const adminViewer: Viewer = { kind: 'admin' };

// Ids for objects that clients cache but do not fetch by node(id:): a global id of the object's
// own type, so it never equals another object's id in a normalized cache.
import { encodeGlobalID } from '@pothos/plugin-relay';

export const OBJECT_ID_DESCRIPTION =
  'A global id, unique across every type and stable while the object exists; refetch the object through its parent, not node(id:).';

export const objectId = (typename: string, row: { id: string }) => encodeGlobalID(typename, row.id);

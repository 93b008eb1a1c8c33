// Imports every type module (each registers itself on the builder) and builds the schema.
import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.js';
import './errors.js';
import './region.js';
import './project.js';
import './operating-system.js';
import './architecture.js';
import './compute-resource.js';
import './image.js';
import './metadata.js';
import './reseller.js';
import './member.js';
import './shared-image.js';
import './task.js';
import './subscriptions.js';
import './image-transfer.js';
import './viewer.js';

/** The schema, its types sorted so that schema.graphql diffs stay readable. */
export function buildSchema() {
  return lexicographicSortSchema(builder.toSchema());
}

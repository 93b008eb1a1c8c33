// Glance's metadata definitions: a catalog of the properties images (and other resources) may
// carry, grouped in namespaces, for clients to offer as forms. Each part belongs to one namespace
// and goes with it; names are unique within their namespace, as in Glance's tables.
import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { baseColumns } from './columns.js';
import { Project } from './project.js';

const p = defineEntity.properties;

export const METADEF_VISIBILITIES = ['public', 'private'] as const;
export type MetadefVisibility = (typeof METADEF_VISIBILITIES)[number];

/** A namespace: public ones are everyone's to read, private ones their owner's (and administrators'). */
export const MetadefNamespace = defineEntity({
  name: 'MetadefNamespace',
  properties: {
    ...baseColumns,
    namespace: p.string().length(80).unique(),
    displayName: p.string().length(80).nullable(),
    description: p.text().nullable(),
    visibility: p.enum([...METADEF_VISIBILITIES]).default('private'),
    protected: p.boolean().default(false),
    // A deleted project's private namespaces stay, the administrators' alone then.
    owner: p.manyToOne(Project).nullable().deleteRule('set null'),
  },
});
export type MetadefNamespace = InferEntity<typeof MetadefNamespace>;

/** A kind of resource a namespace applies to (OS::Glance::Image, OS::Nova::Flavor...). */
export const MetadefResourceType = defineEntity({
  name: 'MetadefResourceType',
  properties: {
    ...baseColumns,
    name: p.string().length(80).unique(),
  },
});
export type MetadefResourceType = InferEntity<typeof MetadefResourceType>;

/** That a namespace applies to a resource type, with the prefix its properties take there. */
export const MetadefResourceTypeAssociation = defineEntity({
  name: 'MetadefResourceTypeAssociation',
  properties: {
    ...baseColumns,
    namespace: p.manyToOne(MetadefNamespace).deleteRule('cascade'),
    // Indexed for the namespace list's resource_types filter, which starts from the type.
    resourceType: p.manyToOne(MetadefResourceType).deleteRule('restrict').index(),
    prefix: p.string().length(80).nullable(),
    propertiesTarget: p.string().length(80).nullable(),
  },
  uniques: [{ name: 'metadef_resource_type_association_unique', properties: ['namespace', 'resourceType'] }],
});
export type MetadefResourceTypeAssociation = InferEntity<typeof MetadefResourceTypeAssociation>;

/** A property definition: its name and the JSON schema of its value (title, type, enum...). */
export const MetadefProperty = defineEntity({
  name: 'MetadefProperty',
  properties: {
    ...baseColumns,
    namespace: p.manyToOne(MetadefNamespace).deleteRule('cascade'),
    name: p.string().length(80),
    schema: p.json<Record<string, unknown>>(),
  },
  uniques: [{ name: 'metadef_property_namespace_name_unique', properties: ['namespace', 'name'] }],
});
export type MetadefProperty = InferEntity<typeof MetadefProperty>;

/** An object definition: a named group of property definitions, some of them required. */
export const MetadefObject = defineEntity({
  name: 'MetadefObject',
  properties: {
    ...baseColumns,
    namespace: p.manyToOne(MetadefNamespace).deleteRule('cascade'),
    name: p.string().length(80),
    description: p.text().nullable(),
    required: p.array().default([]),
    properties: p.json<Record<string, Record<string, unknown>>>(),
  },
  uniques: [{ name: 'metadef_object_namespace_name_unique', properties: ['namespace', 'name'] }],
});
export type MetadefObject = InferEntity<typeof MetadefObject>;

/** A tag a namespace suggests. */
export const MetadefTag = defineEntity({
  name: 'MetadefTag',
  properties: {
    ...baseColumns,
    namespace: p.manyToOne(MetadefNamespace).deleteRule('cascade'),
    name: p.string().length(80),
  },
  uniques: [{ name: 'metadef_tag_namespace_name_unique', properties: ['namespace', 'name'] }],
});
export type MetadefTag = InferEntity<typeof MetadefTag>;

import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { baseColumns } from './columns.js';

const p = defineEntity.properties;

/** "centos 5.3": name and version, as Foreman titles an operating system. */
export const operatingSystemTitle = (os: { name: string; major: string; minor: string }) =>
  `${os.name} ${os.major}${os.minor ? `.${os.minor}` : ''}`;

/** Foreman's operating system; `title` ("centos 5.3") is what searches match. */
export const OperatingSystem = defineEntity({
  name: 'OperatingSystem',
  properties: {
    ...baseColumns,
    name: p.string().length(128),
    major: p.string().length(16),
    minor: p.string().length(16).default(''),
    family: p.string().length(32).nullable(),
    // Derived on every write, so it never disagrees with name and version.
    title: p
      .string()
      .length(255)
      .unique()
      .onCreate((os) => operatingSystemTitle(os))
      .onUpdate((os) => operatingSystemTitle(os)),
  },
});
export type OperatingSystem = InferEntity<typeof OperatingSystem>;

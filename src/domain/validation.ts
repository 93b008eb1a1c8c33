// Input rules, written once with zod and shared by every use case. A failed check becomes
// one ValidationError listing every bad field, before anything is written.
import { z } from 'zod';
import { ValidationError, type ValidationIssue } from './errors.js';

/** PostgreSQL text cannot hold NUL; control characters have no place in catalog text either. */
// biome-ignore lint: control characters are exactly what is refused here
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
export const isPrintable = (value: string) => !CONTROL.test(value);

/** Free text: at most `max` characters, tabs and newlines allowed, other control characters not. */
export const text = (max: number) =>
  z.string().max(max, `must be at most ${max} characters`).refine(isPrintable, 'must not contain control characters');

/** Foreman's identifier rule: 1-128 characters, alphanumerics, space, underscore, hyphen, dot, no outer spaces. */
export const identifier = z
  .string()
  .min(1, 'must not be empty')
  .max(128, 'must be at most 128 characters')
  .regex(/^[A-Za-z0-9_.\- ]+$/, 'may contain only letters, digits, space, underscore, hyphen and dot')
  .refine((value) => value.trim() === value, 'must not start or end with a space');

/** Display names (images): printable, 1-255 characters, no outer whitespace. */
export const displayName = z
  .string()
  .min(1, 'must not be empty')
  .max(255, 'must be at most 255 characters')
  // biome-ignore lint: control characters are exactly what is refused here
  .regex(/^[^\u0000-\u001f\u007f]*$/, 'must not contain control characters')
  .refine((value) => value.trim() === value, 'must not start or end with whitespace');

export const SLUG_MAX = 64;

export const slug = z
  .string()
  .regex(
    new RegExp(`^[a-z0-9](?:[a-z0-9-]{0,${SLUG_MAX - 2}}[a-z0-9])?$`),
    `must be 1-${SLUG_MAX} lowercase letters, digits or hyphens, not starting or ending with a hyphen`,
  );


export const nonNegativeInt = z
  .number()
  .int('must be an integer')
  .min(0, 'must not be negative')
  .max(2_147_483_647, 'must be at most 2147483647');

export const tag = text(255)
  .min(1, 'must not be empty')
  .refine((value) => value.trim() === value, 'must not start or end with whitespace');

export const tagList = z.array(tag).max(128, 'at most 128 tags');

/** Where an image may be fetched from (Lunanode: HTTP, HTTPS or FTP). */
export const sourceUrl = text(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return ['http:', 'https:', 'ftp:'].includes(url.protocol) && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'must be an absolute http, https or ftp URL');

/** Metadata: key and value lengths, and items an image may have in all (Glance's image_property_quota). */
export const METADATA_KEY_MAX = 255;
export const METADATA_VALUE_MAX = 1024;
export const MAX_METADATA_ITEMS = 128;

export const metadataKey = z
  .string()
  .min(1, 'must not be empty')
  .max(METADATA_KEY_MAX, `must be at most ${METADATA_KEY_MAX} characters`)
  .regex(/^[^\u0000-\u001f\u007f]*$/, 'must not contain control characters');

export const metadataValue = text(METADATA_VALUE_MAX);

/** A list of metadata items: at most MAX_METADATA_ITEMS, each key once. */
export function metadataList<T extends z.ZodType<{ key: string }>>(item: T) {
  return z
    .array(item)
    .max(MAX_METADATA_ITEMS, `at most ${MAX_METADATA_ITEMS} items`)
    .superRefine((items, check) => {
      const seen = new Set<string>();
      items.forEach((entry, index) => {
        if (seen.has(entry.key)) check.addIssue({ code: 'custom', path: [index, 'key'], message: `repeats key '${entry.key}'` });
        seen.add(entry.key);
      });
    });
}

/** Parses `input` or throws one ValidationError naming every bad field under `root`. */
export function validate<S extends z.ZodType>(schema: S, input: unknown, root: (string | number)[] = ['input']): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(
    result.error.issues.map((issue) => ({
      path: [...root, ...issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part))],
      message: issue.message,
    })),
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come out of global ids that clients can forge; only uuids reach SQL. */
export const isUuid = (value: string) => UUID.test(value);

/** What arrives from a client before validation: any field may be missing or null. */
export type Loose<T> = { [K in keyof T]?: T[K] | null };

/**
 * Gathers the problems of one input from several checks (its shape, then the rows it refers
 * to) so that a single ValidationError names them all.
 */
export class InputCheck {
  readonly issues: ValidationIssue[] = [];
  constructor(readonly root: (string | number)[] = ['input']) {}

  /** The parsed input, or undefined when it has problems (recorded here). */
  parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> | undefined {
    try {
      return validate(schema, input, this.root);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      this.issues.push(...error.issues);
      return undefined;
    }
  }

  add(field: string, message: string) {
    this.issues.push({ path: [...this.root, field], message });
  }

  has(field: string) {
    return this.issues.some((issue) => issue.path[this.root.length] === field);
  }

  /** Throws one ValidationError with everything found, if anything was. */
  done() {
    if (this.issues.length) throw new ValidationError(this.issues);
  }
}

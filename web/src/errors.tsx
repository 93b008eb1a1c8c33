// Typed mutation errors, placed next to the field they name.

/** What the MutationErrors fragment selects, whatever the member of the union. */
export interface MutationError {
  __typename: string;
  code?: string;
  message?: string;
  issues?: { path: string[]; message: string }[];
  field?: string | null;
  keys?: string[];
}

export interface PlacedErrors {
  /** Messages by field name (the last name in an issue's path, or the error's `field`). */
  byField: Record<string, string[]>;
  /** Messages that name no field. */
  general: string[];
}

export const NO_ERRORS: PlacedErrors = { byField: {}, general: [] };

/**
 * The errors of a result, or of a request that failed as a whole. `rendered` names the fields the
 * form shows errors beside: an error about any other field is shown with the general ones.
 */
export function placeErrors(result: { __typename: string } | null | undefined, requestError: { message: string } | undefined, rendered: readonly string[]): PlacedErrors {
  const placed: PlacedErrors = { byField: {}, general: [] };
  if (requestError) placed.general.push(requestError.message);
  const error = result as MutationError | null | undefined;
  if (!error || !error.message) return placed;
  const add = (field: string | null | undefined, message: string) => {
    if (field && rendered.includes(field)) (placed.byField[field] ??= []).push(message);
    else placed.general.push(message);
  };
  if (error.issues?.length) {
    for (const issue of error.issues) add([...issue.path].reverse().find((part) => !/^\d+$/.test(part) && part !== 'input'), issue.message);
  } else if (error.keys?.length) {
    for (const key of error.keys) add(`metadata:${key}`, error.message);
  } else {
    add(error.field, error.message);
  }
  return placed;
}

/** The messages for one field, announced and tied to its control by id. */
export function FieldError({ id, messages }: { id: string; messages: string[] | undefined }) {
  if (!messages?.length) return null;
  return <p id={id} className="field-error" role="alert">{messages.join(' ')}</p>;
}

export function GeneralErrors({ messages }: { messages: string[] }) {
  if (!messages.length) return null;
  return <div className="form-error" role="alert">{messages.map((m) => <p key={m}>{m}</p>)}</div>;
}

/** Props for a control that may have an error: aria-invalid and aria-describedby. */
export const describedBy = (id: string, messages: string[] | undefined) =>
  messages?.length ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {};

// Metadata items: values edited in place; read-only items are shown as such, with no control.
import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { MetadataSetMutation } from './operations.js';
import { FieldError, GeneralErrors, NO_ERRORS, type PlacedErrors, describedBy, placeErrors } from './errors.js';

interface Item { id: string; key: string; value: string; readOnly: boolean }

/** `editable`: whether the caller may change the image; if not, every item is shown as text. */
export function MetadataEditor({ imageId, items, editable }: { imageId: string; items: Item[]; editable: boolean }) {
  const [, setMetadata] = useMutation(MetadataSetMutation);
  const [errors, setErrors] = useState<PlacedErrors>(NO_ERRORS);
  const [saved, setSaved] = useState<string | null>(null);

  const save = async (key: string, value: string) => {
    setSaved(null);
    const result = await setMetadata({ input: { id: imageId, items: [{ key, value }] } });
    // Shown beside an item: the saved item's key and value, and any read-only item the change touched.
    const placed = placeErrors(result.data?.imageMetadataSet, result.error, ['key', 'value', 'items', `metadata:${key}`, ...items.map((item) => `metadata:${item.key}`)]);
    // An issue about an item's key or value belongs to the item being saved.
    for (const field of ['key', 'value', 'items']) {
      const messages = placed.byField[field];
      if (messages) {
        delete placed.byField[field];
        (placed.byField[`metadata:${key}`] ??= []).push(...messages);
      }
    }
    setErrors(placed);
    if (result.data?.imageMetadataSet.__typename === 'ImageMetadataSetPayload') setSaved(key);
    return result.data?.imageMetadataSet.__typename === 'ImageMetadataSetPayload';
  };

  return (
    <section aria-labelledby="metadata-title">
      <h2 id="metadata-title">Metadata</h2>
      <GeneralErrors messages={errors.general} />
      {items.length === 0 && <p>No metadata.</p>}
      <ul className="metadata">
        {items.map((item) => (
          <li key={item.id}>
            {item.readOnly || !editable ? (
              <ReadOnlyItem item={item} />
            ) : (
              <EditableItem item={item} errors={errors.byField[`metadata:${item.key}`]} onSave={save} saved={saved === item.key} />
            )}
          </li>
        ))}
      </ul>
      {editable && <NewItem onSave={save} errors={errors} />}
    </section>
  );
}

function ReadOnlyItem({ item }: { item: Item }) {
  return (
    <div className={`metadata-item${item.readOnly ? ' read-only' : ''}`} data-key={item.key}>
      <span className="key mono">{item.key}</span>
      <span className="value" aria-label={`Value of ${item.key}`}>{item.value}</span>
      {item.readOnly && <span className="tag-readonly" title="Set by the provider; it cannot be changed here">read-only</span>}
    </div>
  );
}

function EditableItem({ item, errors, onSave, saved }: { item: Item; errors: string[] | undefined; onSave(key: string, value: string): Promise<boolean>; saved: boolean }) {
  const [value, setValue] = useState(item.value);
  const id = `metadata-${item.id}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onSave(item.key, value);
  };
  return (
    <form className="metadata-item" onSubmit={submit} data-key={item.key}>
      <label htmlFor={id} className="key mono">{item.key}</label>
      <input id={id} value={value} onChange={(e) => setValue(e.target.value)} {...describedBy(id, errors)} />
      <button type="submit" aria-label={`Save ${item.key}`}>Save</button>
      {saved && <span className="ok" role="status">Saved</span>}
      <FieldError id={`${id}-error`} messages={errors} />
    </form>
  );
}

function NewItem({ onSave, errors }: { onSave(key: string, value: string): Promise<boolean>; errors: PlacedErrors }) {
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const messages = key ? errors.byField[`metadata:${key}`] : undefined;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await onSave(key, value)) {
      setKey('');
      setValue('');
    }
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label="Add a metadata item">
      <div className="field">
        <label htmlFor="metadata-new-key">New key</label>
        <input id="metadata-new-key" required value={key} onChange={(e) => setKey(e.target.value)} {...describedBy('metadata-new', messages)} />
      </div>
      <div className="field">
        <label htmlFor="metadata-new-value">Value</label>
        <input id="metadata-new-value" value={value} onChange={(e) => setValue(e.target.value)} />
      </div>
      <button type="submit">Add item</button>
      <FieldError id="metadata-new-error" messages={messages} />
    </form>
  );
}

import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { TagAddMutation, TagRemoveMutation } from './operations.js';
import { FieldError, GeneralErrors, NO_ERRORS, type PlacedErrors, describedBy, placeErrors } from './errors.js';

/** `editable`: whether the caller may change the image; if not, the tags are shown as text. */
export function TagEditor({ imageId, tags, editable }: { imageId: string; tags: string[]; editable: boolean }) {
  const [, addTags] = useMutation(TagAddMutation);
  const [, removeTags] = useMutation(TagRemoveMutation);
  const [tag, setTag] = useState('');
  const [errors, setErrors] = useState<PlacedErrors>(NO_ERRORS);
  const add = async (event: FormEvent) => {
    event.preventDefault();
    const result = await addTags({ input: { id: imageId, tags: [tag.trim()] } });
    setErrors(placeErrors(result.data?.imageTagAdd, result.error, ['tags']));
    if (result.data?.imageTagAdd.__typename === 'ImageTagAddPayload') setTag('');
  };
  const remove = async (name: string) => {
    const result = await removeTags({ input: { id: imageId, tags: [name] } });
    setErrors(placeErrors(result.data?.imageTagRemove, result.error, ['tags']));
  };
  const messages = errors.byField.tags;
  return (
    <section aria-labelledby="tags-title">
      <h2 id="tags-title">Tags</h2>
      <GeneralErrors messages={errors.general} />
      <ul className="tags">
        {tags.map((name) => (
          <li key={name}>
            <span className="chip">{name}</span>
            {editable && <button type="button" aria-label={`Remove tag ${name}`} onClick={() => void remove(name)}>×</button>}
          </li>
        ))}
        {tags.length === 0 && <li>No tags.</li>}
      </ul>
      {editable && (
        <form className="inline-form" onSubmit={add} aria-label="Add a tag">
          <div className="field">
            <label htmlFor="tag-new">New tag</label>
            <input id="tag-new" required value={tag} onChange={(e) => setTag(e.target.value)} {...describedBy('tag-new', messages)} />
          </div>
          <button type="submit">Add tag</button>
          <FieldError id="tag-new-error" messages={messages} />
        </form>
      )}
    </section>
  );
}

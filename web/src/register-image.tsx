// Register an image record (then upload its file), or import one from a URL.
import { type FormEvent, type ReactNode, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import type { DiskFormat, ImageVisibility } from './gql/graphql.js';
import { ImageCreateMutation, ImageImportMutation, RegionsQuery } from './operations.js';
import { FieldError, GeneralErrors, NO_ERRORS, type PlacedErrors, describedBy, placeErrors } from './errors.js';
import { imageHref } from './route.js';

const DISK_FORMATS: DiskFormat[] = ['QCOW2', 'RAW', 'ISO', 'VMDK', 'VHD', 'VHDX', 'VDI', 'PLOOP', 'AKI', 'AMI', 'ARI'];
const VISIBILITIES: ImageVisibility[] = ['PRIVATE', 'SHARED', 'COMMUNITY', 'PUBLIC'];

export function RegisterImage() {
  const [regions] = useQuery({ query: RegionsQuery });
  const regionOptions = regions.data?.regions.edges.map((edge) => edge.node) ?? [];
  return (
    <>
      <h1>Register or import an image</h1>
      <div className="two-columns">
        <CreateForm regions={regionOptions} />
        <ImportForm regions={regionOptions} />
      </div>
    </>
  );
}

type Region = { id: string; name: string };

/** A labelled control with the errors that name it. */
function Field({ id, label, errors, children }: { id: string; label: string; errors: string[] | undefined; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  );
}

function CreateForm({ regions }: { regions: Region[] }) {
  const [, createImage] = useMutation(ImageCreateMutation);
  const [form, setForm] = useState({ name: '', regionId: '', visibility: 'PRIVATE', diskFormat: 'QCOW2', description: '' });
  const [errors, setErrors] = useState<PlacedErrors>(NO_ERRORS);
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await createImage({
      input: {
        name: form.name,
        regionId: form.regionId || undefined,
        visibility: form.visibility as ImageVisibility,
        diskFormat: form.diskFormat as DiskFormat,
        description: form.description || undefined,
      },
    });
    const answer = result.data?.imageCreate;
    setErrors(placeErrors(answer, result.error, ['name', 'regionId', 'visibility', 'diskFormat', 'description']));
    if (answer?.__typename === 'ImageCreatePayload' && answer.image) location.hash = imageHref(answer.image.id);
  };
  const e = errors.byField;
  return (
    <form onSubmit={submit} aria-labelledby="create-title" className="card">
      <h2 id="create-title">Register an image</h2>
      <GeneralErrors messages={errors.general} />
      <Field id="create-name" label="Name" errors={e.name}>
        <input id="create-name" required value={form.name} onChange={set('name')} {...describedBy('create-name', e.name)} />
      </Field>
      <Field id="create-region" label="Region" errors={e.regionId}>
        <select id="create-region" value={form.regionId} onChange={set('regionId')} {...describedBy('create-region', e.regionId)}>
          <option value="">Choose a region</option>
          {regions.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
        </select>
      </Field>
      <Field id="create-visibility" label="Visibility" errors={e.visibility}>
        <select id="create-visibility" value={form.visibility} onChange={set('visibility')} {...describedBy('create-visibility', e.visibility)}>
          {VISIBILITIES.map((v) => <option key={v} value={v}>{v}</option>)}
        </select>
      </Field>
      <Field id="create-format" label="Disk format" errors={e.diskFormat}>
        <select id="create-format" value={form.diskFormat} onChange={set('diskFormat')} {...describedBy('create-format', e.diskFormat)}>
          {DISK_FORMATS.map((f) => <option key={f} value={f}>{f}</option>)}
        </select>
      </Field>
      <Field id="create-description" label="Description" errors={e.description}>
        <textarea id="create-description" value={form.description} onChange={set('description')} {...describedBy('create-description', e.description)} />
      </Field>
      <button type="submit">Register</button>
    </form>
  );
}

function ImportForm({ regions }: { regions: Region[] }) {
  const [, importImage] = useMutation(ImageImportMutation);
  const [form, setForm] = useState({ url: '', name: '', regionId: '', diskFormat: '' });
  const [errors, setErrors] = useState<PlacedErrors>(NO_ERRORS);
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await importImage({
      input: {
        url: form.url,
        regionId: form.regionId,
        name: form.name || undefined,
        diskFormat: (form.diskFormat || undefined) as DiskFormat | undefined,
      },
    });
    const answer = result.data?.imageImport;
    setErrors(placeErrors(answer, result.error, ['url', 'regionId', 'name', 'diskFormat']));
    // The image's page follows the import: its badge and the task's progress bar change live.
    if (answer?.__typename === 'ImageImportPayload' && answer.image) location.hash = imageHref(answer.image.id);
  };
  const e = errors.byField;
  return (
    <form onSubmit={submit} aria-labelledby="import-title" className="card">
      <h2 id="import-title">Import from a URL</h2>
      <GeneralErrors messages={errors.general} />
      <Field id="import-url" label="URL" errors={e.url}>
        <input id="import-url" type="url" required value={form.url} onChange={set('url')} {...describedBy('import-url', e.url)} />
      </Field>
      <Field id="import-name" label="Name" errors={e.name}>
        <input id="import-name" value={form.name} onChange={set('name')} {...describedBy('import-name', e.name)} />
      </Field>
      <Field id="import-region" label="Region" errors={e.regionId}>
        <select id="import-region" required value={form.regionId} onChange={set('regionId')} {...describedBy('import-region', e.regionId)}>
          <option value="">Choose a region</option>
          {regions.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
        </select>
      </Field>
      <Field id="import-format" label="Disk format" errors={e.diskFormat}>
        <select id="import-format" value={form.diskFormat} onChange={set('diskFormat')} {...describedBy('import-format', e.diskFormat)}>
          <option value="">Detect from the bytes</option>
          {DISK_FORMATS.map((f) => <option key={f} value={f}>{f}</option>)}
        </select>
      </Field>
      <button type="submit">Import</button>
    </form>
  );
}

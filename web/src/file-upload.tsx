import { type FormEvent, useState } from 'react';
import { storedToken } from './session.js';
import { TaskProgress } from './task-progress.js';
import { uploadImageFile } from './upload.js';

/** Upload the bytes of a QUEUED image; the status badge follows through imageStatusChanged. */
export function FileUpload({ imageId }: { imageId: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setMessage(null);
    setProgress(0);
    const outcome = await uploadImageFile(imageId, storedToken() ?? '', file, setProgress);
    setMessage({ ok: outcome.ok, text: outcome.message });
  };
  return (
    <section aria-labelledby="upload-title">
      <h2 id="upload-title">Upload a file</h2>
      <form onSubmit={submit} className="inline-form">
        <div className="field">
          <label htmlFor="upload-file">Image file</label>
          <input id="upload-file" type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <button type="submit" disabled={!file || (progress !== null && progress < 100 && !message)}>Upload</button>
      </form>
      {progress !== null && <TaskProgress label="Upload progress" progress={progress} />}
      {message && <p className={message.ok ? 'ok' : 'field-error'} role="status">{message.text}</p>}
    </section>
  );
}

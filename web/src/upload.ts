// PUT /images/:id/file with XMLHttpRequest: fetch cannot report an upload's progress.

export interface UploadOutcome {
  ok: boolean;
  status: number;
  message: string;
}

export function uploadImageFile(imageId: string, token: string, file: Blob, onProgress: (percent: number) => void): Promise<UploadOutcome> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('PUT', `/images/${encodeURIComponent(imageId)}/file`);
    request.setRequestHeader('authorization', `Bearer ${token}`);
    request.setRequestHeader('content-type', 'application/octet-stream');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.floor((event.loaded / event.total) * 100));
    };
    request.onload = () => {
      const ok = request.status >= 200 && request.status < 300;
      if (ok) onProgress(100);
      resolve({ ok, status: request.status, message: ok ? 'Uploaded' : errorMessage(request.responseText, request.status) });
    };
    request.onerror = () => resolve({ ok: false, status: 0, message: 'The upload could not reach the gateway' });
    request.send(file);
  });
}

/** The gateway answers failures as `{"errors":[{"message":…}]}`. */
function errorMessage(body: string, status: number): string {
  try {
    const parsed = JSON.parse(body) as { errors?: { message?: string }[] };
    return parsed.errors?.[0]?.message ?? `Upload failed (HTTP ${status})`;
  } catch {
    return `Upload failed (HTTP ${status})`;
  }
}

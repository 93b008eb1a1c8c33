// The network an import reaches, behind the URL guard (src/http/url-guard.ts): every URL and
// every redirect is checked, and refusals become the domain's typed errors.
import { SourceUnavailableError, UrlRefusedError } from '../domain/errors.js';
import type { ImageSources } from '../domain/image-sources.js';
import { FetchFailed, guardedGet, guardedGetText } from './guarded-fetch.js';
import { type UrlPolicy, UrlRefused } from './url-guard.js';

export function guardedImageSources(policy: UrlPolicy): ImageSources {
  return {
    async probe(url, field) {
      try {
        const response = await guardedGet(url, { policy, connectTimeoutMs: 10_000, idleTimeoutMs: 15_000 });
        response.body.destroy();
      } catch (error) {
        if (!isPassing(error)) refusedAs(field, 'The file')(error);
      }
      // Checked by the fetch already (or refused for now only): parsed here for the caller.
      return new URL(url);
    },
    async fetchText(url, field, maxBytes) {
      const { url: from, text } = await guardedGetText(url, { policy, maxBytes, idleTimeoutMs: 15_000 }).catch(refusedAs(field, 'The manifest'));
      return { url: from, text };
    },
  };
}

/** A failure that may be gone by the time the task tries. */
function isPassing(error: unknown): boolean {
  return (error instanceof FetchFailed && error.transient) || (error instanceof UrlRefused && error.temporary);
}

function refusedAs(field: string, what: string) {
  return (error: unknown): never => {
    if (error instanceof UrlRefused && error.temporary) throw new SourceUnavailableError(`${what} cannot be fetched for now: ${error.message}`, field);
    if (error instanceof UrlRefused) throw new UrlRefusedError(error.message, field);
    if (error instanceof FetchFailed) throw new SourceUnavailableError(`${what} cannot be fetched: ${error.message}`, field);
    throw error;
  };
}

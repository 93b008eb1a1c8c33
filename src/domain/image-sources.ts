// What an import needs from the network, as the domain sees it. The implementation
// (src/http/image-sources.ts) goes only where the URL guard allows; it refuses with
// UrlRefusedError or SourceUnavailableError, naming the input field the URL came from.

export interface ImageSources {
  /**
   * Asks for `url` and hangs up once the answer's headers arrive, following the redirects: what
   * must be refused is refused now, rather than as a failed task later. A source unavailable only
   * for the moment passes: the task retries it. Returns the URL as parsed.
   */
  probe(url: string, field: string): Promise<URL>;
  /** A small document (a manifest) as text, with the URL it came from after redirects. */
  fetchText(url: string, field: string, maxBytes: number): Promise<{ url: URL; text: string }>;
}

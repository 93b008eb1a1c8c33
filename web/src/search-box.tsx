// Foreman's scoped search. A search the gateway cannot parse comes back as a top-level error with
// extensions { argument: "search", position } (1-based): the box marks that character.
import { type FormEvent, useEffect, useRef, useState } from 'react';

export interface SearchError {
  message: string;
  position: number | null;
}

export function SearchBox({ value, error, onSearch }: { value: string; error: SearchError | null; onSearch(search: string): void }) {
  const [text, setText] = useState(value);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // Put the caret on the character the parser stopped at.
    if (error?.position != null && input.current) {
      const at = Math.max(0, Math.min(error.position - 1, value.length));
      input.current.focus();
      input.current.setSelectionRange(at, Math.min(at + 1, value.length));
    }
  }, [error, value]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text.trim());
  };
  const at = error?.position != null ? Math.max(0, error.position - 1) : null;
  return (
    <form className="search" role="search" onSubmit={submit}>
      <label htmlFor="search">Search</label>
      <div className="search-row">
        <input
          id="search"
          ref={input}
          type="search"
          className="mono"
          placeholder='name ~ ubuntu and status = active'
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'search-error' : 'search-hint'}
          spellCheck={false}
        />
        <button type="submit">Search</button>
      </div>
      {error ? (
        <div id="search-error" className="field-error" role="alert">
          {at != null && (
            <pre className="search-marker mono" aria-hidden="true" data-position={error.position}>
              {value.slice(0, at)}<mark>{value.slice(at, at + 1) || ' '}</mark>{value.slice(at + 1)}
              {'\n'}{' '.repeat(at)}^
            </pre>
          )}
          <p>{error.message}</p>
        </div>
      ) : (
        <p id="search-hint" className="hint">Foreman's scoped search, e.g. <code>name ~ ubuntu and size &gt; 1000000</code></p>
      )}
    </form>
  );
}

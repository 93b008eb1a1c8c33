import { type FormEvent, useState } from 'react';

export function SignIn({ notice, onSignIn }: { notice: string | null; onSignIn(token: string): void }) {
  const [token, setToken] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (token.trim()) onSignIn(token.trim());
  };
  return (
    <main className="sign-in">
      <h1>Image catalog</h1>
      {notice && <p className="form-error" role="alert">{notice}</p>}
      <form onSubmit={submit} aria-label="Sign in">
        <label htmlFor="token">API token</label>
        <input id="token" type="password" autoComplete="off" required value={token} onChange={(e) => setToken(e.target.value)} />
        <p className="hint">Kept in this tab only, and sent as <code>Authorization: Bearer</code>.</p>
        <button type="submit">Sign in</button>
      </form>
    </main>
  );
}

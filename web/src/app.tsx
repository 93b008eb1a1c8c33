// The shell: sign-in, then one client for the token, the live subscriptions and the pages.
import { useEffect, useRef, useState } from 'react';
import { Provider, useSubscription } from 'urql';
import { createClient } from './client.js';
import { StatusChangedSubscription, TaskUpdatedSubscription } from './operations.js';
import { forgetToken, storeToken, storedToken } from './session.js';
import { useRoute } from './route.js';
import { SignIn } from './sign-in.js';
import { Catalog } from './catalog.js';
import { ImagePage } from './image-page.js';
import { RegisterImage } from './register-image.js';

export function App() {
  const [token, setToken] = useState(storedToken);
  const [notice, setNotice] = useState<string | null>(null);
  const [session, setSession] = useState<ReturnType<typeof createClient> | null>(null);
  // Made and closed by one effect, so that each client lives exactly as long as its token's use.
  useEffect(() => {
    if (!token) return;
    const created = createClient(token, () => {
      forgetToken();
      setToken(null);
      setNotice('The gateway refused this token. Sign in with a valid one.');
    });
    setSession(created);
    return () => {
      created.close();
      setSession(null);
    };
  }, [token]);

  if (!token) {
    return <SignIn notice={notice} onSignIn={(value) => { storeToken(value); setNotice(null); setToken(value); }} />;
  }
  if (!session) return null;
  const signOut = () => { forgetToken(); setToken(null); };
  return (
    <Provider value={session.client}>
      <header className="bar">
        <a className="brand" href="#/">Image catalog</a>
        <nav aria-label="Main">
          <a href="#/">Catalog</a>
          <a href="#/register">Register or import</a>
          <button type="button" onClick={signOut}>Sign out</button>
        </nav>
      </header>
      <LiveUpdates />
      <Page />
    </Provider>
  );
}

/** Status changes and task progress, written into the cache: every view showing them follows. */
function LiveUpdates() {
  useSubscription({ query: StatusChangedSubscription });
  useSubscription({ query: TaskUpdatedSubscription });
  return null;
}

function Page() {
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  // A new page takes the focus, so that keyboard and screen-reader users start at its top.
  useEffect(() => {
    if (first.current) first.current = false;
    else main.current?.focus();
  }, [route]);
  return (
    <main ref={main} tabIndex={-1}>
      {/* Keyed by id: another image is a new page, with nothing remembered from the last one. */}
      {route.page === 'image' ? <ImagePage key={route.id} id={route.id} /> : route.page === 'register' ? <RegisterImage /> : <Catalog />}
    </main>
  );
}

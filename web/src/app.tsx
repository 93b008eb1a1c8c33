// The shell: sign-in, then one client for the token, the live subscriptions and the pages.
import { useEffect, useMemo, useState } from 'react';
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
  const session = useMemo(
    () => (token ? createClient(token, () => {
      forgetToken();
      setToken(null);
      setNotice('The gateway refused this token. Sign in with a valid one.');
    }) : null),
    [token],
  );
  useEffect(() => () => session?.close(), [session]);

  if (!token || !session) {
    return <SignIn notice={notice} onSignIn={(value) => { storeToken(value); setNotice(null); setToken(value); }} />;
  }
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
      <main>
        <Page />
      </main>
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
  // Keyed by id: another image is a new page, with nothing remembered from the last one.
  if (route.page === 'image') return <ImagePage key={route.id} id={route.id} />;
  if (route.page === 'register') return <RegisterImage />;
  return <Catalog />;
}

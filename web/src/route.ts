// Routes live in the hash: the gateway serves one page at /, and a reload keeps the view.
import { useEffect, useState } from 'react';

export type Route = { page: 'catalog' } | { page: 'image'; id: string } | { page: 'register' };

function parse(hash: string): Route {
  const image = /^#\/images\/([^/]+)$/.exec(hash);
  if (image) {
    try {
      return { page: 'image', id: decodeURIComponent(image[1]!) };
    } catch {
      // A hash mangled by hand (a stray %): the catalog, rather than no page at all.
      return { page: 'catalog' };
    }
  }
  if (hash === '#/register') return { page: 'register' };
  return { page: 'catalog' };
}

export const imageHref = (id: string) => `#/images/${encodeURIComponent(id)}`;

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parse(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parse(location.hash));
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

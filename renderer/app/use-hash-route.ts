import { useEffect, useState } from 'react';

/** The page id and query of `#/<page>?a=b`; hash routing works over http and Electron's protocol. */
export interface HashRoute {
  page: string;
  query: URLSearchParams;
}

function parse(hash: string): HashRoute {
  const body = hash.replace(/^#\/?/, '');
  const [page, query = ''] = body.split('?');
  return { page: page ?? '', query: new URLSearchParams(query) };
}

export function useHashRoute(): HashRoute {
  const [route, setRoute] = useState(() => parse(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parse(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function navigate(page: string, query?: Record<string, string>): void {
  const search = query ? `?${new URLSearchParams(query).toString()}` : '';
  window.location.hash = `#/${page}${search}`;
}

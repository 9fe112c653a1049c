// Where the console is, kept in the hash so a reload returns to the same place:
// #/console/sessions/3/items/12 → ['sessions', '3', 'items', '12'].
import { useEffect, useState } from 'react';

export function consolePath(hash = window.location.hash): string[] {
  const path = (hash.replace(/^#\/?/, '').split('?')[0] ?? '').split('/').filter(Boolean);
  return path[0] === 'console' ? path.slice(1).map(decodeURIComponent) : [];
}

const href = (segments: Array<string | number>) => `#/console/${segments.map((s) => encodeURIComponent(String(s))).join('/')}`;

/** Goes to a console place (a new history entry, so Back works). */
export function go(...segments: Array<string | number>): void {
  window.location.hash = href(segments);
}

/** Replaces the current place without a history entry (e.g. dropping the token from the address). */
export function replaceRoute(...segments: Array<string | number>): void {
  window.history.replaceState(null, '', href(segments));
  window.dispatchEvent(new Event('hashchange'));
}

export function linkTo(...segments: Array<string | number>): string {
  return href(segments);
}

export function useRoute(): string[] {
  const [path, setPath] = useState(() => consolePath());
  useEffect(() => {
    const on = () => setPath(consolePath());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return path;
}

/** A positive integer id from a route segment, or null. */
export function routeId(segment: string | undefined): number | null {
  return segment && /^\d+$/.test(segment) ? Number(segment) : null;
}

import { createElement, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

// The portal's router: the History API and one hook.
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

/** Goes to `path` (may carry a query) through the History API. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === location.pathname + location.search) return;
  if (options.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  for (const listener of listeners) listener();
}

/** The current path, re-rendering on navigation. */
export function usePath(): string {
  return useSyncExternalStore(subscribe, () => location.pathname);
}

/** `/portal/settings/<section>`: the settings section in the portal's URL. */
export function settingsPath(section?: string): string {
  return section ? `/portal/settings/${encodeURIComponent(section)}` : '/portal/settings';
}

/** The section named by a `/portal/settings/<section>` path; `undefined` for `/portal/settings`; `null` for other paths. */
export function sectionOf(path: string): string | undefined | null {
  const match = /^\/portal\/settings(?:\/([^/]+))?\/?$/.exec(path);
  if (!match) return null;
  return match[1] ? decodeURIComponent(match[1]) : undefined;
}

/** A link the router follows without reloading (modified clicks still open new tabs). */
export function Link({ to, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    rest.onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return createElement('a', { ...rest, href: to, onClick });
}

/**
 * Zalo reports the path a re-opened app should show, possibly with its /zapps/<APP_ID> prefix or as a
 * full URL. The router wants it relative to its basename.
 */
export function routerPathFromOpenAppPath(path: string, currentPathname = "/"): string {
  const url = new URL(path, "https://app.invalid");
  const zappsPrefix = /^\/zapps\/[^/]+/.exec(url.pathname)?.[0] ?? /^\/zapps\/[^/]+/.exec(currentPathname)?.[0];
  let pathname = url.pathname;
  if (zappsPrefix && pathname.startsWith(zappsPrefix)) pathname = pathname.slice(zappsPrefix.length) || "/";
  return `${pathname}${url.search}${url.hash}`;
}

/** What the header shows for a route; kept with the route table. */
export interface RouteMeta {
  title: string;
  showBack: boolean;
}

export function isRouteMeta(handle: unknown): handle is RouteMeta {
  return typeof handle === "object" && handle !== null && typeof (handle as RouteMeta).title === "string";
}

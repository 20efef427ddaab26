export interface RouteMatch<R> {
  route: R;
  routeKey: string;
  /** URL-decoded, as API Gateway passes them. */
  pathParameters: Record<string, string> | undefined;
}

type Segment = { kind: "static"; value: string } | { kind: "param"; name: string };

interface CompiledRoute<R> {
  route: R;
  routeKey: string;
  method: string;
  segments: Segment[];
}

/**
 * Matches a method and raw path against route keys like `GET /v1/dossiers/{code}`, the way API Gateway
 * does: a `{name}` takes one whole segment, and a static segment wins over a parameter.
 */
export function compileRoutes<R extends { routeKey: string }>(
  routes: readonly R[],
): (method: string, rawPath: string) => RouteMatch<R> | undefined {
  const compiled: CompiledRoute<R>[] = routes.map((route) => {
    const [method = "", template = ""] = route.routeKey.split(" ");
    const segments = splitPath(template).map((part): Segment => {
      const param = /^\{([A-Za-z0-9_]+)\}$/.exec(part);
      return param?.[1] ? { kind: "param", name: param[1] } : { kind: "static", value: part };
    });
    return { route, routeKey: route.routeKey, method: method.toUpperCase(), segments };
  });

  return (method, rawPath) => {
    const parts = splitPath(rawPath);
    let best: { entry: CompiledRoute<R>; params: Record<string, string> } | undefined;
    for (const entry of compiled) {
      if (entry.method !== method.toUpperCase() || entry.segments.length !== parts.length) continue;
      const params = matchSegments(entry.segments, parts);
      if (params === undefined) continue;
      if (!best || moreSpecific(entry.segments, best.entry.segments)) best = { entry, params };
    }
    if (!best) return undefined;
    const hasParams = Object.keys(best.params).length > 0;
    return { route: best.entry.route, routeKey: best.entry.routeKey, pathParameters: hasParams ? best.params : undefined };
  };
}

function splitPath(path: string): string[] {
  return path.split("/").filter((part) => part !== "");
}

function matchSegments(segments: Segment[], parts: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (const [index, segment] of segments.entries()) {
    const raw = parts[index] ?? "";
    if (segment.kind === "static") {
      if (safeDecode(raw) !== segment.value) return undefined;
    } else {
      params[segment.name] = safeDecode(raw);
    }
  }
  return params;
}

function moreSpecific(a: Segment[], b: Segment[]): boolean {
  for (const [index, segment] of a.entries()) {
    const other = b[index];
    if (other && segment.kind !== other.kind) return segment.kind === "static";
  }
  return false;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

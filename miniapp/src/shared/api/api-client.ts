import { ApiError, apiErrorFromResponse } from "./api-error";

export interface AccessTokenSource {
  getAccessToken(): Promise<string>;
  forgetAccessToken(): void;
}

export interface GetJsonOptions<T> {
  query?: Record<string, string | undefined>;
  signal?: AbortSignal;
  /** Checks the body's shape; throw to reject it. */
  parse: (body: unknown) => T;
}

export interface ApiClient {
  getJson<T>(path: string, options: GetJsonOptions<T>): Promise<T>;
  /** A text answer (an SVG, an HTML page), for the staff's printing tools. */
  getText(path: string, options?: Omit<GetJsonOptions<string>, "parse">): Promise<string>;
}

export interface ApiClientOptions {
  baseUrl: string;
  auth: AccessTokenSource;
  fetch?: typeof fetch;
}

/** Our HTTP API, called with the citizen's Zalo token as a Bearer token. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  // One token for all requests: zmp-sdk refuses more than 3 calls of an API per second.
  let token: Promise<string> | undefined;

  function currentToken(): Promise<string> {
    token ??= options.auth.getAccessToken().catch((error: unknown) => {
      token = undefined;
      throw new ApiError({ kind: "unauthorized", message: error instanceof Error ? error.message : undefined });
    });
    return token;
  }

  function dropToken(): void {
    token = undefined;
    options.auth.forgetAccessToken();
  }

  async function send(url: string, signal: AbortSignal | undefined): Promise<Response> {
    const accessToken = await currentToken();
    try {
      return await fetchFn(url, {
        method: "GET",
        headers: { Accept: "application/json", Authorization: `Bearer ${accessToken}` },
        signal,
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiError({ kind: "network" });
    }
  }

  /** GET with the token; on 401 the token is dropped and the call made once more with a fresh one. */
  async function get(path: string, query: GetJsonOptions<unknown>["query"], signal: AbortSignal | undefined): Promise<Response> {
    const url = new URL(`${options.baseUrl}${path}`);
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== "") url.searchParams.set(name, value);
    }
    let response = await send(url.toString(), signal);
    if (response.status === 401) {
      dropToken();
      response = await send(url.toString(), signal);
    }
    if (!response.ok) throw await apiErrorFromResponse(response);
    return response;
  }

  return {
    async getText(path, { query, signal } = {}) {
      const response = await get(path, query, signal);
      return response.text();
    },
    async getJson(path, { query, signal, parse }) {
      const response = await get(path, query, signal);
      const body: unknown = await response.json().catch(() => {
        throw new ApiError({ kind: "bad_response", status: response.status });
      });
      try {
        return parse(body);
      } catch {
        throw new ApiError({ kind: "bad_response", status: response.status });
      }
    },
  };
}

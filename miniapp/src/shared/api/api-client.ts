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

export interface SendJsonOptions<T> extends GetJsonOptions<T> {
  body?: unknown;
}

export interface ApiClient {
  getJson<T>(path: string, options: GetJsonOptions<T>): Promise<T>;
  /** A text answer (an SVG, an HTML page), for the staff's printing tools. */
  getText(path: string, options?: Omit<GetJsonOptions<string>, "parse">): Promise<string>;
  /** A file answer (the ratings CSV), to save with a download link. */
  getBlob(path: string, options?: Omit<GetJsonOptions<Blob>, "parse">): Promise<Blob>;
  /** POST, PUT or DELETE with an optional JSON body; the answer is parsed like getJson's. */
  sendJson<T>(method: "POST" | "PUT" | "DELETE", path: string, options: SendJsonOptions<T>): Promise<T>;
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

  async function send(
    url: string,
    signal: AbortSignal | undefined,
    method = "GET",
    body: unknown = undefined,
  ): Promise<Response> {
    const accessToken = await currentToken();
    const headers: Record<string, string> = { Accept: "application/json", Authorization: `Bearer ${accessToken}` };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    try {
      return await fetchFn(url, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal,
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiError({ kind: "network" });
    }
  }

  async function sendWithRetry(url: string, signal: AbortSignal | undefined, method?: string, body?: unknown) {
    let response = await send(url, signal, method, body);
    if (response.status === 401) {
      dropToken();
      response = await send(url, signal, method, body);
    }
    return response;
  }

  async function parseAnswer<T>(response: Response, parse: (body: unknown) => T): Promise<T> {
    if (!response.ok) throw await apiErrorFromResponse(response);
    const body: unknown = await response.json().catch(() => {
      throw new ApiError({ kind: "bad_response", status: response.status });
    });
    try {
      return parse(body);
    } catch {
      throw new ApiError({ kind: "bad_response", status: response.status });
    }
  }

  function urlOf(path: string, query: GetJsonOptions<unknown>["query"]): string {
    const url = new URL(`${options.baseUrl}${path}`);
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== "") url.searchParams.set(name, value);
    }
    return url.toString();
  }

  return {
    async getText(path, { query, signal } = {}) {
      const response = await sendWithRetry(urlOf(path, query), signal);
      if (!response.ok) throw await apiErrorFromResponse(response);
      return response.text();
    },
    async getBlob(path, { query, signal } = {}) {
      const response = await sendWithRetry(urlOf(path, query), signal);
      if (!response.ok) throw await apiErrorFromResponse(response);
      return response.blob();
    },
    async sendJson(method, path, { query, signal, body, parse }) {
      return parseAnswer(await sendWithRetry(urlOf(path, query), signal, method, body), parse);
    },
    async getJson(path, { query, signal, parse }) {
      return parseAnswer(await sendWithRetry(urlOf(path, query), signal), parse);
    },
  };
}

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
  method: "POST" | "PUT";
  body: unknown;
}

export interface ApiClient {
  getJson<T>(path: string, options: GetJsonOptions<T>): Promise<T>;
  /** A POST or PUT with a JSON body; the answer is checked like a GET's. */
  sendJson<T>(path: string, options: SendJsonOptions<T>): Promise<T>;
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

  async function send(url: string, signal: AbortSignal | undefined, request?: { method: string; body: string }): Promise<Response> {
    const accessToken = await currentToken();
    try {
      return await fetchFn(url, {
        method: request?.method ?? "GET",
        headers: {
          Accept: "application/json",
          Authorization: `Bearer ${accessToken}`,
          ...(request ? { "Content-Type": "application/json" } : {}),
        },
        ...(request ? { body: request.body } : {}),
        signal,
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiError({ kind: "network" });
    }
  }

  async function call<T>(path: string, { query, signal, parse }: GetJsonOptions<T>, request?: { method: string; body: string }): Promise<T> {
    const url = new URL(`${options.baseUrl}${path}`);
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== "") url.searchParams.set(name, value);
    }
    let response = await send(url.toString(), signal, request);
    if (response.status === 401) {
      dropToken();
      response = await send(url.toString(), signal, request);
    }
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

  return {
    getJson: (path, getOptions) => call(path, getOptions),
    sendJson: (path, { method, body, ...getOptions }) => call(path, getOptions, { method, body: JSON.stringify(body) }),
  };
}

/** What every Zalo HTTP client takes: the `fetch` to call Zalo with (the global one unless a test passes its own). */
export interface ZaloHttpOptions {
  fetch?: typeof fetch;
}

/** The base of the Zalo HTTP clients: keeps their options and the `fetch` they call Zalo with. */
export abstract class ZaloHttpClient<Options extends ZaloHttpOptions> {
  protected readonly fetch: typeof fetch;

  constructor(protected readonly options: Options) {
    this.fetch = options.fetch ?? globalThis.fetch;
  }
}

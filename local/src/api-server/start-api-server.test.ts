import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { startApiServer, type ApiServer } from "./start-api-server.js";

const routes = [
  { routeKey: "GET /v1/dossiers/{code}", functionName: "api" },
  { routeKey: "GET /v1/me/dossiers", functionName: "api" },
  { routeKey: "GET /v1/me/{thing}", functionName: "api" },
  { routeKey: "POST /v1/ingest/events", functionName: "ingest" },
] as const;

describe("local API server", () => {
  let server: ApiServer;
  const seen: APIGatewayProxyEventV2[] = [];
  const lines: string[] = [];
  let reply: APIGatewayProxyStructuredResultV2 = { statusCode: 200, body: "{}" };

  beforeAll(async () => {
    const record = async (event: APIGatewayProxyEventV2) => {
      seen.push(event);
      return reply;
    };
    server = await startApiServer({
      port: 0,
      handlers: { api: record, ingest: record },
      routes,
      log: (line) => lines.push(line),
    });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    seen.length = 0;
    lines.length = 0;
    reply = { statusCode: 200, headers: { "content-type": "application/json" }, body: '{"ok":true}' };
  });

  it("sends a payload 2.0 event with the route key, headers, query and decoded path parameters", async () => {
    const response = await fetch(`${server.url}/v1/dossiers/000.00.20.H27-260512-0001?k=ab%2Bc&x=1&x=2&q=Nguy%E1%BB%85n`, {
      headers: { Authorization: "Bearer abc", "User-Agent": "test-agent", Cookie: "a=1; b=2" },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });

    const event = seen[0]!;
    expect(event).toMatchObject({
      version: "2.0",
      routeKey: "GET /v1/dossiers/{code}",
      rawPath: "/v1/dossiers/000.00.20.H27-260512-0001",
      rawQueryString: "k=ab%2Bc&x=1&x=2&q=Nguy%E1%BB%85n",
      queryStringParameters: { k: "ab+c", x: "1,2", q: "Nguyễn" },
      pathParameters: { code: "000.00.20.H27-260512-0001" },
      cookies: ["a=1", "b=2"],
      isBase64Encoded: false,
      requestContext: {
        accountId: expect.any(String),
        apiId: expect.any(String),
        domainName: "127.0.0.1",
        domainPrefix: "127",
        http: {
          method: "GET",
          path: "/v1/dossiers/000.00.20.H27-260512-0001",
          protocol: "HTTP/1.1",
          sourceIp: "127.0.0.1",
          userAgent: "test-agent",
        },
        routeKey: "GET /v1/dossiers/{code}",
        stage: "$default",
      },
    });
    expect(event.headers).toMatchObject({ authorization: "Bearer abc", "user-agent": "test-agent" });
    expect(event.headers["cookie"]).toBeUndefined();
    expect(event.body).toBeUndefined();
    expect(event.requestContext.requestId).toMatch(/\S{8,}/);
    expect(event.requestContext.time).toMatch(/^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/);
    expect(Math.abs(event.requestContext.timeEpoch - Date.now())).toBeLessThan(5_000);
    expect(lines).toEqual([expect.stringMatching(/^GET \/v1\/dossiers\/000\.00\.20\.H27-260512-0001 200 \d+ms$/)]);
  });

  it("joins repeated headers with commas and omits query parameters when there are none", async () => {
    expect(await rawRequest(server.port, "GET", "/v1/me/dossiers", { "X-Test": ["one", "two"] })).toBe(200);
    expect(seen[0]!.headers["x-test"]).toBe("one,two");
    expect(seen[0]!.queryStringParameters).toBeUndefined();
    expect(seen[0]!.pathParameters).toBeUndefined();
    expect(seen[0]!.routeKey).toBe("GET /v1/me/dossiers");
  });

  it("decodes %2F in a path parameter and leaves ~ as it is", async () => {
    await fetch(`${server.url}/v1/dossiers/03706~2026~07906`);
    await fetch(`${server.url}/v1/dossiers/03706%2F2026%2F07906`);
    expect(seen.map((event) => event.pathParameters?.["code"])).toEqual(["03706~2026~07906", "03706/2026/07906"]);
  });

  it("passes a JSON body as text and a binary body base64-encoded", async () => {
    const json = JSON.stringify({ events: [{ dossierCode: "Hồ sơ" }] });
    await fetch(`${server.url}/v1/ingest/events`, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: json,
    });
    const bytes = Buffer.from([0, 1, 2, 250, 255]);
    await fetch(`${server.url}/v1/ingest/events`, {
      method: "POST",
      headers: { "content-type": "application/octet-stream" },
      body: bytes,
    });
    expect(seen[0]).toMatchObject({ body: json, isBase64Encoded: false, routeKey: "POST /v1/ingest/events" });
    expect(seen[1]).toMatchObject({ body: bytes.toString("base64"), isBase64Encoded: true });
  });

  it("writes back status, headers, cookies and a base64 body", async () => {
    reply = {
      statusCode: 201,
      headers: { "Content-Type": "image/png", "X-Custom": "yes" },
      cookies: ["a=1; Path=/", "b=2"],
      body: Buffer.from([137, 80, 78, 71]).toString("base64"),
      isBase64Encoded: true,
    };
    const response = await fetch(`${server.url}/v1/me/profile`);
    expect(response.status).toBe(201);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("x-custom")).toBe("yes");
    expect(response.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2"]);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.from([137, 80, 78, 71]));
    expect(seen[0]!.pathParameters).toEqual({ thing: "profile" });
  });

  it("answers an unknown route or method with API Gateway's 404", async () => {
    const unknown = await fetch(`${server.url}/v1/nothing`);
    const wrongMethod = await fetch(`${server.url}/v1/dossiers/abc`, { method: "DELETE" });
    for (const response of [unknown, wrongMethod]) {
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ message: "Not Found" });
    }
    expect(seen).toHaveLength(0);
  });

  it("answers a CORS preflight itself and adds the allowed origin to responses", async () => {
    const preflight = await fetch(`${server.url}/v1/ingest/events`, {
      method: "OPTIONS",
      headers: {
        Origin: "http://localhost:3000",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type,x-motcua-signature",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-methods")).toBe("GET,POST,PUT,DELETE,OPTIONS");
    expect(preflight.headers.get("access-control-allow-headers")).toBe(
      "authorization,content-type,x-motcua-timestamp,x-motcua-signature",
    );
    expect(seen).toHaveLength(0);

    const simple = await fetch(`${server.url}/v1/dossiers/abc`, { headers: { Origin: "http://localhost:3000" } });
    expect(simple.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("refuses a body over API Gateway's 10 MB limit with 413 without calling the function", async () => {
    const response = await fetch(`${server.url}/v1/ingest/events`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "x".repeat(10 * 1024 * 1024 + 1),
    });
    expect(response.status).toBe(413);
    expect(seen).toHaveLength(0);
  });

  it("hands a body of exactly 10 MB to the function", async () => {
    const response = await fetch(`${server.url}/v1/ingest/events`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "x".repeat(10 * 1024 * 1024),
    });
    expect(response.status).toBe(200);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.body).toHaveLength(10 * 1024 * 1024);
  });

  it("answers 500 like API Gateway when the function throws", async () => {
    const failing = await startApiServer({
      port: 0,
      handlers: { api: () => Promise.reject(new Error("boom")) },
      routes: [{ routeKey: "GET /x", functionName: "api" }],
      log: () => {},
    });
    try {
      const response = await fetch(`${failing.url}/x`);
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ message: "Internal Server Error" });
    } finally {
      await failing.close();
    }
  });
});

describe("unmatched requests", () => {
  it("go to the default function as the `$default` route, as API Gateway's $default route does", async () => {
    const seen: string[] = [];
    const server = await startApiServer({
      port: 0,
      handlers: { api: async (event: APIGatewayProxyEventV2) => (seen.push(`${event.routeKey} ${event.rawPath}`), { statusCode: 404, body: '{"error":{}}' }) },
      routes: [{ routeKey: "GET /x", functionName: "api" }],
      defaultFunction: "api",
      log: () => {},
    });
    try {
      expect((await fetch(`${server.url}/nothing/here?q=1`, { method: "PATCH" })).status).toBe(404);
      expect(seen).toEqual(["$default /nothing/here"]);
    } finally {
      await server.close();
    }
  });
});

describe("source address", () => {
  it("uses the first X-Forwarded-For entry only when told to trust it", async () => {
    const seen: APIGatewayProxyEventV2[] = [];
    const handler = async (event: APIGatewayProxyEventV2) => {
      seen.push(event);
      return { statusCode: 204 };
    };
    const plain = await startApiServer({ port: 0, handlers: { api: handler }, routes: [{ routeKey: "GET /x", functionName: "api" }], log: () => {} });
    const trusting = await startApiServer({
      port: 0,
      handlers: { api: handler },
      routes: [{ routeKey: "GET /x", functionName: "api" }],
      trustForwardedFor: true,
      log: () => {},
    });
    try {
      const headers = { "X-Forwarded-For": "203.0.113.7, 10.0.0.1" };
      await fetch(`${plain.url}/x`, { headers });
      await fetch(`${trusting.url}/x`, { headers });
      expect(seen.map((event) => event.requestContext.http.sourceIp)).toEqual(["127.0.0.1", "203.0.113.7"]);
    } finally {
      await plain.close();
      await trusting.close();
    }
  });
});

function rawRequest(port: number, method: string, path: string, headers: Record<string, string[]>): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: "127.0.0.1", port, method, path, headers }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    });
    request.on("error", reject);
    request.end();
  });
}

import * as z from "zod/mini";

/**
 * The one codec of page cursors. Every paged list hands out and takes back cursors that are opaque to its
 * callers: base64url of the lister's own position text (an index sort key, or JSON for a composite position).
 * Only the lister that wrote a cursor reads it back, with its own schema; anything else is an
 * `InvalidCursorError`, which a use case turns into the one result kind `{ kind: "invalid_cursor" }`.
 */
export const maxCursorLength = 400;

const cursorPattern = /^[A-Za-z0-9_-]+$/u;

export class InvalidCursorError extends Error {
  constructor() {
    super("not a cursor of this list");
    this.name = "InvalidCursorError";
  }
}

export type InvalidCursor = { kind: "invalid_cursor" };

export function encodeCursor(position: string): string {
  return Buffer.from(position, "utf8").toString("base64url");
}

/** The position a cursor carries, read with the lister's schema; throws InvalidCursorError for any other text. */
export function decodeCursor<T>(cursor: string, position: z.ZodMiniType<T, string>): T {
  if (cursor.length > maxCursorLength || !cursorPattern.test(cursor)) throw new InvalidCursorError();
  const parsed = position.safeParse(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!parsed.success) throw new InvalidCursorError();
  return parsed.data;
}

/**
 * A composite position written as JSON text (`encodeCursor(JSON.stringify(value))`), read back with the schema that
 * `buildSchema` returns. Nothing is built until the first cursor is read, so a Lambda's cold start pays nothing for it.
 */
export function jsonPosition<T>(buildSchema: () => z.ZodMiniType<T>): z.ZodMiniType<T, string> {
  return z.lazy(() => z.pipe(z.pipe(z.string(), jsonText()), buildSchema()));
}

function jsonText() {
  return z.transform((text: string, context): unknown => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      context.issues.push({ code: "custom", message: "not JSON", input: text });
      return z.NEVER;
    }
  });
}

/** Runs a paged read; a cursor the lister refused becomes the result kind every paged route maps to one 400. */
export async function orInvalidCursor<T>(read: () => Promise<T>): Promise<T | InvalidCursor> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof InvalidCursorError) return { kind: "invalid_cursor" };
    throw error;
  }
}

export function isInvalidCursor(result: object): result is InvalidCursor {
  return "kind" in result && result.kind === "invalid_cursor";
}

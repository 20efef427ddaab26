import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { decodeCursor, encodeCursor, InvalidCursorError, isInvalidCursor, jsonPosition, maxCursorLength, orInvalidCursor } from "./page-cursor.js";

const sortKey = z.string().check(z.regex(/^\d{4}#[a-z]+$/u));

describe("page cursors", () => {
  it("give back the position they carry, read with the lister's schema", () => {
    const cursor = encodeCursor("2026#abc");
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/u);
    expect(decodeCursor(cursor, sortKey)).toBe("2026#abc");
    const composite = encodeCursor(JSON.stringify({ month: "2026-11", after: null }));
    expect(decodeCursor(composite, jsonPosition(() => z.strictObject({ month: z.string(), after: z.nullable(z.string()) })))).toEqual({ month: "2026-11", after: null });
  });

  it("refuse text that is not base64url, a position the schema refuses, and JSON that does not parse", () => {
    for (const cursor of ["", "not a cursor", "a+b/c=", encodeCursor("2026#ABC"), encodeCursor("x#y")]) {
      expect(() => decodeCursor(cursor, sortKey), cursor).toThrow(InvalidCursorError);
    }
    expect(() => decodeCursor(encodeCursor("{not json"), jsonPosition(() => z.object({})))).toThrow(InvalidCursorError);
  });

  it(`take cursors up to ${maxCursorLength} characters, not one more`, () => {
    const anyText = z.string();
    expect(decodeCursor("a".repeat(maxCursorLength), anyText)).toHaveLength((maxCursorLength * 3) / 4);
    expect(() => decodeCursor("a".repeat(maxCursorLength + 1), anyText)).toThrow(InvalidCursorError);
  });

  it("turn a refused cursor into the one result kind and let other errors through", async () => {
    const refused = await orInvalidCursor(() => Promise.reject(new InvalidCursorError()));
    expect(refused).toEqual({ kind: "invalid_cursor" });
    expect(isInvalidCursor(refused)).toBe(true);
    expect(isInvalidCursor(await orInvalidCursor(async () => ({ items: [] })))).toBe(false);
    await expect(orInvalidCursor(() => Promise.reject(new Error("outage")))).rejects.toThrow("outage");
  });
});

import * as z from "zod/mini";

/**
 * `<ISO instant>#<id>`: the sort key of every time-ordered index (see keys.ts), read back from a page cursor.
 * The id pattern is the list's own; the rest of the start key is rebuilt from the request, never the cursor.
 */
export function instantThenId(idPattern: string) {
  const pattern = new RegExp(`^(\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z)#(${idPattern})$`, "u");
  return z.lazy(() =>
    z.pipe(z.string().check(z.regex(pattern)), z.transform((sortKey) => {
      const [, at = "", id = ""] = pattern.exec(sortKey) ?? [];
      return { sortKey, at, id };
    })),
  );
}

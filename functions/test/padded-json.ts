/**
 * `value` as JSON followed by spaces up to exactly `bytes` bytes (UTF-8): still valid JSON, so a body at a
 * size limit can be one the route accepts.
 */
export function paddedJson(value: unknown, bytes: number): string {
  const json = JSON.stringify(value);
  const padding = bytes - Buffer.byteLength(json);
  if (padding < 0) throw new Error(`the JSON alone is ${Buffer.byteLength(json)} bytes, over ${bytes}`);
  return json + " ".repeat(padding);
}

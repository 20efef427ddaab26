/** Spaces send calls to the OA's quota (one process; the stream's shard runs one invocation at a time). */
export interface SendPacer {
  wait(): Promise<void>;
}

import { fileURLToPath } from "node:url";

/** The workspace root: esbuild's project root, home of the one lock file and of every function entry. */
export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

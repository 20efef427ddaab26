import { synthStage } from "./synth-stage.js";

/** `node --import tsx synth-stage-cli.ts <outdir> <context JSON>`: one stage, bundled, into <outdir>. */
const [outdir, context] = process.argv.slice(2);
if (!outdir || !context) throw new Error("usage: synth-stage-cli.ts <outdir> <context JSON>");
synthStage({ outdir, context: JSON.parse(context) as Record<string, string>, bundle: true });

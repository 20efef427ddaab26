/**
 * Every QR code the functions draw: a receipt's (SVG in ingest's answer to a dossier's first event, SVG or PNG for
 * the desk's printer) and the guide poster's, all at error correction M.
 *
 * The QR library (and the PNG encoder it brings) is read by the first QR drawn, not at cold start: most requests of
 * ingest and admin draw none, and reading it cost ingest's cold start about 10 ms of CPU (docs/benchmarks.md). It is a
 * CommonJS package, so its exports are the default export (a split ES bundle's chunk gives it no named ones).
 */
function qrCodes() {
  return import("qrcode").then((module) => module.default);
}

export async function qrSvg(text: string, options: { margin: number }): Promise<string> {
  return (await qrCodes()).toString(text, { type: "svg", errorCorrectionLevel: "M", margin: options.margin });
}

export async function qrPng(text: string, options: { margin: number; width: number }): Promise<Buffer> {
  return (await qrCodes()).toBuffer(text, { type: "png", errorCorrectionLevel: "M", margin: options.margin, width: options.width });
}

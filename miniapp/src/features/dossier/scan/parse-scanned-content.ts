import { checkDossierCode, isOfficialDossierCode, normaliseDossierCode } from "../dossier-code";
import { dossierCodeFromPathSegment } from "../dossier-link";

export type ScannedContent =
  | { kind: "dossier"; code: string; receiptSignature?: string }
  /** "empty": nothing was read; "no_code": no dossier code found; "invalid_code": a code was found but is not whole. */
  | { kind: "unknown"; reason: "empty" | "no_code" | "invalid_code" };

/**
 * Query parameters that carry a dossier code in the receipt QRs of our own and other provinces' systems
 * (compared in lower case). `hs` is ours (`https://zalo.me/s/<id>/?hs=…&k=…`).
 */
const CODE_PARAMS = ["hs", "mhs", "mahs", "mahoso", "ma_ho_so", "ma-ho-so", "sohoso", "so_ho_so", "hoso", "code", "dossiercode", "dossier_code", "ma"];

/** Labels printed before the code in plain-text QRs, compared without diacritics. */
const LABELLED_CODE =
  /(?:ma\s*(?:so\s*)?ho\s*so|so\s*ho\s*so|ma\s*hs|mhs|so\s*bien\s*nhan|ma\s*bien\s*nhan)\s*[:：=#-]?\s*([a-z0-9./_-]+)/iu;
const OFFICIAL_CODE_IN_TEXT = /(?:^|[^0-9a-z.])(\d{3}\.\d{2}\.\d{2}\.[a-z]\d{2}-\d{6}-\d{4})(?![0-9a-z])/iu;
const BARE_CODE = /^[a-z0-9./_-]{4,64}$/iu;

/**
 * Whatever a receipt QR holds → the dossier code (and our receipt signature `k` when present). Never
 * returns part of a code: a code that is found but not whole makes the content "unknown".
 */
export function parseScannedContent(content: string): ScannedContent {
  const text = content.trim();
  if (!text) return { kind: "unknown", reason: "empty" };
  if (/^https?:\/\//iu.test(text)) return fromUrl(text);
  return fromText(text);
}

function fromUrl(text: string): ScannedContent {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { kind: "unknown", reason: "no_code" };
  }
  const params = new Map<string, string>();
  const collect = (search: string) =>
    new URLSearchParams(search).forEach((value, key) => {
      if (!params.has(key.toLowerCase())) params.set(key.toLowerCase(), value);
    });
  collect(url.search);
  // Single-page portals put the query after the hash: https://…/#/tra-cuu?maHoSo=…
  const hashQuery = url.hash.indexOf("?");
  if (hashQuery >= 0) collect(url.hash.slice(hashQuery + 1));

  for (const name of CODE_PARAMS) {
    const value = params.get(name);
    if (value === undefined) continue;
    const found = codeFrom(dossierCodeFromPathSegment(value));
    if (found.kind === "dossier" && name === "hs") {
      const k = params.get("k");
      return k ? { ...found, receiptSignature: k } : found;
    }
    return found;
  }
  // A code as the last path segment, only in the official form (a path is full of other words).
  const last = decodeURIComponent(url.pathname.split("/").filter(Boolean).at(-1) ?? "");
  const official = normaliseDossierCode(last);
  if (isOfficialDossierCode(official)) return { kind: "dossier", code: official };
  return { kind: "unknown", reason: "no_code" };
}

function fromText(text: string): ScannedContent {
  const plain = text.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/gu, "d");
  const labelled = LABELLED_CODE.exec(plain);
  if (labelled?.[1]) return codeFrom(labelled[1].replace(/[.\-/_]+$/u, ""));
  const official = OFFICIAL_CODE_IN_TEXT.exec(plain);
  if (official?.[1]) return codeFrom(official[1]);
  if (BARE_CODE.test(text) && /\d/u.test(text)) return codeFrom(text);
  return { kind: "unknown", reason: "no_code" };
}

function codeFrom(candidate: string): ScannedContent {
  const check = checkDossierCode(candidate);
  return check.ok ? { kind: "dossier", code: check.code } : { kind: "unknown", reason: "invalid_code" };
}

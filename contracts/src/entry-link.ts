import { dossierCodeFromPathSegment, dossierCodeToPathSegment, parseDossierCode } from "./dossier-code.js";

/**
 * The links that open the Mini App: `https://zalo.me/s/<MINI_APP_ID>/?<one entry parameter>`. The backend builds
 * them (receipt QR, every message) and the Mini App reads them, both from this module.
 *
 * | parameter | sent in | opens |
 * |---|---|---|
 * | `hs=<code>&k=<sig>` | the receipt QR, every dossier message (updates, rating invitation, overdue) | the dossier (owner view with `k`) |
 * | `pakn=<threadId>` | a staff answer to the citizen's question | the citizen's thread |
 * | `tb=<announcementId>` | an announcement | the announcement |
 *
 * The code goes in its path form (`/` written `~`): shorter in a QR and unambiguous.
 */
export const entryParams = { dossierCode: "hs", receiptSignature: "k", feedbackThread: "pakn", announcement: "tb" } as const;

export type EntryTarget =
  | { kind: "dossier"; code: string; receiptSignature?: string }
  | { kind: "feedback_thread"; id: string }
  | { kind: "announcement"; id: string };

/** Announcement and thread ids: the charset and length the API accepts. */
export const entryIdPattern = /^[A-Za-z0-9_-]{1,100}$/u;

export function miniAppEntryUrl(miniAppId: string, target: EntryTarget): string {
  return `https://zalo.me/s/${encodeURIComponent(miniAppId)}/?${entryQuery(target)}`;
}

function entryQuery(target: EntryTarget): string {
  switch (target.kind) {
    case "dossier": {
      const code = `${entryParams.dossierCode}=${dossierCodeToPathSegment(target.code)}`;
      return target.receiptSignature ? `${code}&${entryParams.receiptSignature}=${encodeURIComponent(target.receiptSignature)}` : code;
    }
    case "feedback_thread":
      return `${entryParams.feedbackThread}=${encodeURIComponent(target.id)}`;
    case "announcement":
      return `${entryParams.announcement}=${encodeURIComponent(target.id)}`;
  }
}

/**
 * What an entry query opens. Precedence when several are present: `hs`, then `pakn`, then `tb` (the signed, personal
 * link first; the public announcement last). A value that is not valid counts as absent, so the next one is used;
 * unknown parameters (Zalo's own, tracking) are ignored.
 */
export function parseEntryParams(params: URLSearchParams): EntryTarget | undefined {
  const dossier = dossierTarget(params);
  if (dossier) return dossier;
  const threadId = entryId(params, entryParams.feedbackThread);
  if (threadId) return { kind: "feedback_thread", id: threadId };
  const announcementId = entryId(params, entryParams.announcement);
  if (announcementId) return { kind: "announcement", id: announcementId };
  return undefined;
}

function entryId(params: URLSearchParams, name: string): string | undefined {
  const value = params.get(name);
  return value !== null && entryIdPattern.test(value) ? value : undefined;
}

function dossierTarget(params: URLSearchParams): EntryTarget | undefined {
  const segment = params.get(entryParams.dossierCode);
  if (!segment) return undefined;
  const parsed = parseDossierCode(dossierCodeFromPathSegment(segment));
  if (!parsed.ok) return undefined;
  const signature = params.get(entryParams.receiptSignature);
  return signature ? { kind: "dossier", code: parsed.code, receiptSignature: signature } : { kind: "dossier", code: parsed.code };
}

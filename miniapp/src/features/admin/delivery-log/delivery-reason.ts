import { inboxCopy } from "../../../copy/admin-inbox";
import { reasonText, sendQuotaCopy } from "../../../copy/admin-send-quota";

const copy = inboxCopy.log;

/**
 * The delivery log's failure or waiting reason in Vietnamese. Reasons are codes written by the notify function
 * (`quiet_hours`, `not_a_follower`, `zalo_error -213`, `retries_exhausted: …`); an unknown one is shown as given,
 * after a label, so nothing is hidden from the desk.
 */
export function deliveryReasonLabel(reason: string): string {
  const exhausted = /^retries_exhausted(?::\s*(.*))?$/su.exec(reason);
  if (exhausted) return exhausted[1] ? `${copy.reasons.retries_exhausted} (${deliveryReasonLabel(exhausted[1])})` : copy.reasons.retries_exhausted;
  const zaloError = /^zalo_error\s+(.+)$/su.exec(reason);
  if (zaloError) return copy.zaloError(zaloError[1]!);
  const tokenRejected = /^token_rejected_after_refresh\s*(.*)$/su.exec(reason);
  if (tokenRejected) return copy.tokenRejected(tokenRejected[1] ?? "");
  const noTemplate = /^no_(oa_template|zns)_template_for_(.+)$/su.exec(reason);
  if (noTemplate) return copy.noTemplate(copy.channels[noTemplate[1]!] ?? noTemplate[1]!, noTemplate[2]!);
  const known = (copy.reasons as Record<string, string>)[reason];
  if (known) return known;
  // The daily-quota reasons (`quota_reserve`, `daily_quota_exhausted`, `zalo_credentials -242 …`) keep their code.
  if (sendQuotaCopy.reasons[reason.split(/[\s:]/u, 1)[0] ?? reason]) return reasonText(reason);
  return copy.otherReason(reason);
}

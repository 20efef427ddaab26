import type { CitizenProfile } from "../domain/citizen.js";
import type { RenderedMessage, TemplateName } from "../domain/notification-message.js";
import type { DeliveryChannel, OutboxItem } from "../domain/outbox.js";
import type { CitizenRepository } from "../ports/citizen-repository.js";

/** Where one message goes: the OA template to a follower, or ZNS to the phone. */
export type Route =
  | { channel: "oa_template"; recipient: string; templateId: string; follower: CitizenProfile }
  | { channel: "zns"; recipient: string; templateId: string };

export interface RouteDeps {
  citizens: Pick<CitizenRepository, "get" | "findByVerifiedPhone">;
  /** Zalo template ids by template name; a missing one means the channel is not used for that message. */
  templates: { oa: Partial<Record<TemplateName, string>>; zns: Partial<Record<TemplateName, string>> };
}

export type Routes = { ok: true; first: Route; fallback: Route | null } | { ok: false; reason: string };

/** DESIGN.md §8: OA template to a follower; else ZNS to the phone when a template is configured; else undeliverable. */
export async function chooseRoutes(item: OutboxItem, message: RenderedMessage, deps: RouteDeps): Promise<Routes> {
  const notification = item.notification;
  const oaTemplate = deps.templates.oa[message.template];
  const znsTemplate = deps.templates.zns[message.template];

  let citizens: CitizenProfile[];
  let phone: string | null;
  // An announcement or a feedback answer goes to one Zalo user (by their app id), never by phone.
  if (notification.kind === "announcement" || notification.kind === "feedback_reply") {
    const citizen = await deps.citizens.get(notification.zaloAppUserId);
    // Opted out after the fan-out wrote the item: the citizen's latest word wins.
    // (An answer to the citizen's own question needs no opt-in: they asked.)
    if (notification.kind === "announcement" && citizen && !citizen.announcementsSubscribed) return { ok: false, reason: "not_subscribed" };
    citizens = citizen ? [citizen] : [];
    phone = null;
  } else {
    phone = notification.applicantPhone;
    citizens = phone ? await deps.citizens.findByVerifiedPhone(phone) : [];
  }
  const follower = citizens.find((citizen) => citizen.isFollower && citizen.zaloOaUserId !== null);

  const zns: Route | null = phone && znsTemplate ? { channel: "zns", recipient: phone, templateId: znsTemplate } : null;
  if (follower?.zaloOaUserId && oaTemplate) {
    return { ok: true, first: { channel: "oa_template", recipient: follower.zaloOaUserId, templateId: oaTemplate, follower }, fallback: zns };
  }
  if (zns) return { ok: true, first: zns, fallback: null };

  const channel: DeliveryChannel = "oa_template";
  if (!phone && notification.kind !== "announcement" && notification.kind !== "feedback_reply") return { ok: false, reason: "no_phone_on_dossier" };
  if (!follower) {
    return { ok: false, reason: phone ? "no_follower_for_phone_and_no_zns_template" : "not_a_follower" };
  }
  return { ok: false, reason: `no_${channel}_template_for_${message.template}` };
}

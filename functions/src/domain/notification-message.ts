import type { DossierNotification } from "./dossier-notification.js";
import { statusLabel } from "./dossier-status.js";
import type { AnnouncementNotification, FeedbackReplyNotification, OutboxNotification } from "./outbox.js";

/**
 * Message templates are registered with Zalo (OA template and ZNS template) under ids the configuration
 * holds; the product knows them by these names. Each notification kind renders to one of them.
 */
export type TemplateName = "dossier_update" | "announcement" | "feedback_reply";

export interface RenderedMessage {
  template: TemplateName;
  /** Values of the template's parameters (all strings, as Zalo wants them). */
  templateData: Record<string, string>;
  /** The same message as plain text, for the delivery log and the CS channel. */
  text: string;
}

/** Links the message's button opens: the Mini App on the dossier (with `k`), or on an announcement. */
export interface MessageLinks {
  dossier(code: string): string;
  announcement(id: string): string;
  feedbackThread(id: string): string;
}

type Renderer<N> = (notification: N, links: MessageLinks) => RenderedMessage;

const headlines: Record<DossierNotification["kind"], string> = {
  dossier_received: "Hồ sơ của bạn đã được tiếp nhận",
  dossier_status_changed: "Hồ sơ của bạn đã chuyển trạng thái",
  dossier_result_ready: "Hồ sơ của bạn đã có kết quả, mời bạn đến nhận",
  dossier_result_delivered: "Kết quả hồ sơ đã được trả cho bạn",
  dossier_apology: "Xin lỗi: hồ sơ của bạn được hẹn trả vào ngày mới",
  rating_invitation: "Mời bạn đánh giá mức độ hài lòng về việc giải quyết hồ sơ",
  dossier_overdue: "Hồ sơ của bạn đã quá hạn trả kết quả",
};

const renderDossier: Renderer<DossierNotification> = (notification, links) => {
  const dueAt = vietnamDate(notification.newDueAt ?? notification.dueAt);
  const status = statusLabel(notification.status);
  const headline = headlines[notification.kind];
  const link = links.dossier(notification.dossierCode);
  return {
    template: "dossier_update",
    templateData: {
      tieu_de: headline,
      ma_ho_so: notification.dossierCode,
      thu_tuc: truncate(notification.procedureName, 100),
      trang_thai: status,
      ngay_hen_tra: dueAt,
      duong_dan: link,
    },
    text:
      `${headline}.\nMã hồ sơ: ${notification.dossierCode}\nThủ tục: ${notification.procedureName}\n` +
      `Trạng thái: ${status}\nNgày hẹn trả: ${dueAt}\nXem hồ sơ: ${link}`,
  };
};

/** The same template as the other dossier messages; the text says what happens next. */
const renderOverdue: Renderer<DossierNotification> = (notification, links) => {
  const rendered = renderDossier(notification, links);
  const dueAt = vietnamDate(notification.dueAt);
  const agency = notification.agencyName ? `Cơ quan ${notification.agencyName}` : "Cơ quan giải quyết";
  return {
    ...rendered,
    text:
      `Hồ sơ ${notification.dossierCode} (${notification.procedureName}) đã quá hạn trả kết quả (hẹn ngày ${dueAt}). ` +
      `${agency} sẽ liên hệ và gửi phiếu xin lỗi, hẹn lại ngày trả.\nXem hồ sơ: ${links.dossier(notification.dossierCode)}`,
  };
};

const renderAnnouncement: Renderer<AnnouncementNotification> = (notification, links) => {
  const link = links.announcement(notification.announcementId);
  return {
    template: "announcement",
    templateData: {
      tieu_de: truncate(notification.title, 100),
      noi_dung: truncate(notification.summary, 400),
      duong_dan: link,
    },
    text: `${notification.title}\n${notification.summary}\nXem chi tiết: ${link}`,
  };
};

/** Max characters of a staff answer carried in the template (the whole answer is in the Mini App). */
export const feedbackReplyExcerptLength = 400;

const renderFeedbackReply: Renderer<FeedbackReplyNotification> = (notification, links) => {
  const link = links.feedbackThread(notification.threadId);
  const headline = "Cơ quan đã trả lời phản ánh, kiến nghị của bạn";
  const excerpt = truncate(notification.excerpt, feedbackReplyExcerptLength);
  return {
    template: "feedback_reply",
    templateData: { tieu_de: headline, noi_dung: excerpt, ma_ho_so: notification.dossierCode ?? "—", duong_dan: link },
    text: `${headline}.\n${excerpt}${notification.dossierCode ? `\nMã hồ sơ: ${notification.dossierCode}` : ""}\nXem toàn bộ: ${link}`,
  };
};

/** One renderer per kind: adding a kind to `OutboxNotification` without a renderer fails the type check. */
const renderers: { [K in OutboxNotification["kind"]]: Renderer<Extract<OutboxNotification, { kind: K }>> } = {
  dossier_received: renderDossier,
  dossier_status_changed: renderDossier,
  dossier_result_ready: renderDossier,
  dossier_result_delivered: renderDossier,
  dossier_apology: renderDossier,
  rating_invitation: renderDossier,
  dossier_overdue: renderOverdue,
  announcement: renderAnnouncement,
  feedback_reply: renderFeedbackReply,
};

export function renderMessage(notification: OutboxNotification, links: MessageLinks): RenderedMessage {
  const render = renderers[notification.kind] as Renderer<OutboxNotification>;
  return render(notification, links);
}

/** `dd/MM/yyyy` in Vietnam time (UTC+7). */
export function vietnamDate(instant: string): string {
  const local = new Date(Date.parse(instant) + 7 * 60 * 60 * 1000);
  const day = String(local.getUTCDate()).padStart(2, "0");
  const month = String(local.getUTCMonth() + 1).padStart(2, "0");
  return `${day}/${month}/${local.getUTCFullYear()}`;
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

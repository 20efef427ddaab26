/** Vietnamese error messages of the PAKN inbox and the delivery log (staff read them in the admin tab). */
export const inboxMessages = {
  invalidQuery: (detail: string) => `Tham số không hợp lệ: ${detail}`,
  invalidReply: "Nội dung trả lời phải có từ 1 đến 2000 ký tự.",
  feedbackNotFound: "Không tìm thấy phản ánh, kiến nghị này trong phạm vi của bạn.",
  feedbackClosed: "Phản ánh, kiến nghị đã đóng. Mở lại trước khi trả lời.",
  alreadyClosed: "Phản ánh, kiến nghị đã đóng rồi.",
  notClosed: "Chỉ mở lại được phản ánh, kiến nghị đã đóng.",
  notificationNotFound: "Không tìm thấy tin nhắn này trong phạm vi của bạn.",
  notRetryable: "Chỉ gửi lại được tin nhắn gửi lỗi hoặc không gửi được.",
  dossierRequiredForSent: "Tin đã gửi chỉ xem được theo mã hồ sơ.",
} as const;

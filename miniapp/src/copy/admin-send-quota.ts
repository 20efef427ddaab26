/** Today's Zalo quota, as staff read it in the delivery log and the announcements page. */
export const sendQuotaCopy = {
  heading: "Hạn mức hôm nay",
  channels: { oa: "Tin theo Zalo (UID)", zns: "Tin theo số điện thoại" },
  used: (used: number, daily: number) => `Hạn mức hôm nay: đã dùng ${used.toLocaleString("vi-VN")} / ${daily.toLocaleString("vi-VN")}`,
  none: "Hôm nay chưa gửi tin nào",
  reserve: (percent: number) => `Giữ ${percent}% hạn mức mỗi ngày cho tin về hồ sơ; thông báo tạm dừng khi chạm mức này.`,
  unavailable: "Chưa đọc được hạn mức.",
  paused: "Tạm dừng: chờ hạn mức ngày mai",
  pausedDetail: (p: { sent: number; total: number; pending: number; resumesAt: string }) =>
    `Đã gửi ${p.sent} / ${p.total} · ${p.pending} tin chờ đến ${p.resumesAt}`,
  /** Why a message waits or failed, in words (the delivery log's machine reasons). */
  reasons: {
    daily_quota_exhausted: "Đã hết hạn mức gửi tin của ngày: tin sẽ được gửi sau 0 giờ ngày mai.",
    quota_reserve: "Hạn mức còn lại của ngày được giữ cho tin về hồ sơ: thông báo sẽ được gửi tiếp từ ngày mai.",
    quiet_hours: "Zalo không cho gửi tin ban đêm (22:00–06:00): tin sẽ được gửi sau 6 giờ sáng.",
    zalo_credentials: "Zalo từ chối khóa bí mật của ứng dụng: cần kiểm tra cấu hình (ZALO_APP_SECRET).",
  } as Record<string, string>,
} as const;

/** The reason in Vietnamese where one is known (the code stays visible for the IT team), else the code. */
export function reasonText(reason: string): string {
  const code = reason.split(/[\s:]/u, 1)[0] ?? reason;
  const words = sendQuotaCopy.reasons[code];
  return words ? `${words} (${reason})` : reason;
}

/** Copy of the staff tab's late-dossier list (`/admin/late-dossiers`). */
export const lateDossiersCopy = {
  title: "Hồ sơ quá hạn",
  linkTitle: "Hồ sơ quá hạn",
  linkIntro: "Hồ sơ đã quá ngày hẹn trả mà chưa có kết quả, để liên hệ và gửi phiếu xin lỗi.",
  intro: "Hồ sơ chưa có kết quả đã quá ngày hẹn trả (hệ thống kiểm tra lúc 7 giờ sáng mỗi ngày).",
  agencyLabel: "Cơ quan",
  chooseAgency: "Chọn cơ quan…",
  show: "Xem danh sách",
  empty: "Không có hồ sơ quá hạn.",
  more: "Xem thêm",
  dueAt: "Hẹn trả",
  promisedDueAt: "Hẹn lại",
  order: "Xếp theo ngày phải trả (kể cả ngày hẹn lại), hồ sơ trễ lâu nhất ở trên.",
  daysLate: (days: number) => `Quá hạn ${days} ngày`,
  apologySent: (date: string) => `Đã gửi phiếu xin lỗi, hẹn lại ${date}`,
  apologyMissing: "Chưa gửi phiếu xin lỗi",
} as const;

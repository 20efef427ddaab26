/** Vietnamese copy of the "Hiệu quả kết nối Zalo" page (loaded only with it). */
const number = (n: number) => n.toLocaleString("vi-VN");

export const reachCopy = {
  linkTitle: "Hiệu quả kết nối Zalo",
  linkIntro: "Bao nhiêu người dân theo dõi hồ sơ trên Zalo, theo tháng và theo từng bộ phận một cửa.",
  month: (month: string) => `Tháng ${Number(month.slice(5, 7))}/${month.slice(0, 4)}`,
  percent: (ratio: number | null) => (ratio === null ? "—" : `${(ratio * 100).toLocaleString("vi-VN", { maximumFractionDigits: 1 })}%`),
  shares: {
    reachable: "Liên lạc được qua Zalo",
    viewed: "Đã tra cứu trên Zalo",
    rated: "Đã đánh giá",
  },
  /** Beside a bar (the legend above names them in full). */
  barLabels: {
    reachable: "Liên lạc được",
    viewed: "Đã tra cứu",
    rated: "Đã đánh giá",
  },
  shareHints: {
    reachable: "hồ sơ có số di động hoặc người dân quan tâm OA",
    viewed: "hồ sơ được mở trong Mini App (quét QR, nhập mã, «Hồ sơ của tôi»)",
    rated: "hồ sơ đã giải quyết xong được người dân đánh giá",
  },
  received: (n: number) => `${number(n)} hồ sơ tiếp nhận`,
  notified: (total: number, oa: number, zns: number) => `${number(total)} hồ sơ đã nhận tin Zalo (OA ${number(oa)} · ZNS ${number(zns)})`,
  followers: (n: number) => `${number(n)} người dân mới quan tâm OA qua Mini App`,
  countedHint: "Mỗi hồ sơ được tính vào tháng tiếp nhận (giờ Việt Nam) và cơ quan tiếp nhận. Chỉ có số liệu tổng hợp, không có tên, số điện thoại hay mã hồ sơ.",
  trend: "Theo tháng tiếp nhận",
  trendEmpty: "Không có hồ sơ",
  desks: "Xếp hạng bộ phận một cửa",
  desksHint: (min: number) =>
    `Xếp theo tỷ lệ hồ sơ được tra cứu trên Zalo, có tính đến số hồ sơ: đơn vị ít hồ sơ không được xếp trên đơn vị nhiều hồ sơ chỉ nhờ may rủi. Đơn vị dưới ${min} hồ sơ chưa được xếp hạng.`,
  desksEmpty: "Chưa có hồ sơ nào trong khoảng này.",
  dossiers: (n: number) => `${number(n)} hồ sơ`,
  fewDossiers: "Ít hồ sơ, chưa xếp hạng",
  rank: (n: number) => `#${n}`,
  exportCsv: "Tải CSV theo tháng và cơ quan",
  exporting: "Đang tải…",
} as const;

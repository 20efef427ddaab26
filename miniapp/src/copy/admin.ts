/** Vietnamese copy of the staff tab (loaded only with it). */
export const adminCopy = {
  title: "Quản trị",
  greeting: (name: string) => `Xin chào, ${name}`,
  sectionsHeading: "Công việc",
  roles: { admin: "Quản trị viên", officer: "Cán bộ Một cửa" } as Record<string, string>,
  allAgencies: "Toàn bộ cơ quan trong tỉnh",
  agencies: "Cơ quan phụ trách",
  notStaff: "Tài khoản Zalo này không có quyền cán bộ.",
  loading: "Đang tải…",
  retry: "Thử lại",
  receiptQr: {
    heading: "In mã QR biên nhận",
    intro: "Nhập mã hồ sơ để lấy mã QR có chữ ký, in lên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.",
    codeLabel: "Mã hồ sơ",
    show: "Lấy mã QR",
    print: "In mã QR",
    captionLabel: "Mã hồ sơ:",
  },
  poster: {
    heading: "Bảng hướng dẫn",
    intro: "Bảng hướng dẫn khổ A4 để dán tại Bộ phận Một cửa: công dân quét mã để mở Mini App.",
    agencyLabel: "Tên cơ quan in trên bảng (không bắt buộc)",
    show: "Xem bảng hướng dẫn",
    print: "In bảng hướng dẫn",
    frameTitle: "Bảng hướng dẫn tra cứu hồ sơ trên Zalo",
  },
  staff: {
    heading: "Danh sách cán bộ",
    empty: "Chưa có cán bộ nào.",
  },
} as const;

/** Vietnamese error messages of the staff routes (desk officers read them in the admin tab). */
export const adminMessages = {
  unauthorized: "Không xác thực được tài khoản Zalo. Vui lòng mở lại Mini App.",
  notStaff: "Tài khoản Zalo này không phải cán bộ của hệ thống Một cửa.",
  adminOnly: "Chức năng này chỉ dành cho quản trị viên.",
  self: "Không thể tự thay đổi hoặc xoá quyền của chính mình (hoặc của quản trị viên cấu hình sẵn).",
  staffNotFound: "Không có cán bộ này.",
  dossierNotFound: "Không tìm thấy hồ sơ trong phạm vi cơ quan của bạn.",
  invalidCode: "Mã hồ sơ không hợp lệ.",
  invalidBody: (detail: string) => `Dữ liệu không hợp lệ: ${detail}`,
  invalidFormat: "Định dạng chỉ có thể là svg hoặc png.",
  payloadTooLarge: "Nội dung gửi lên quá lớn.",
  routeNotFound: "Không có chức năng này.",
  zaloUnavailable: "Chưa kết nối được với Zalo để xác thực. Vui lòng thử lại sau ít phút.",
  agencyRequired: "Vui lòng chọn cơ quan (tham số agency).",
  internal: "Hệ thống đang gặp sự cố. Vui lòng thử lại sau.",
  agencyOutOfScope: "Cơ quan này không thuộc phạm vi phụ trách của bạn.",
  ratingRangeTooLong: (months: number) => `Khoảng thời gian phải từ tháng bắt đầu đến tháng kết thúc, tối đa ${months} tháng.`,
  invalidCursor: "Con trỏ trang không hợp lệ; hãy tải lại danh sách từ đầu.",
  exportTooLarge: (bytes: number) =>
    `Tệp CSV sẽ vượt quá ${(bytes / 1_000_000).toLocaleString("vi-VN")} MB. Hãy thu hẹp khoảng thời gian hoặc chọn một cơ quan rồi xuất lại.`,
  announcementNotFound: "Không tìm thấy thông báo này.",
} as const;

/** Vietnamese error messages of the citizen-facing routes. */
export const citizenMessages = {
  unauthorized: "Không xác thực được tài khoản Zalo của bạn. Vui lòng đóng và mở lại Mini App.",
  zaloUnavailable: "Chưa kết nối được với Zalo để xác thực. Vui lòng thử lại sau ít phút.",
  invalidCode:
    "Mã hồ sơ không hợp lệ. Mã hồ sơ gồm 4–64 ký tự: chữ, số, dấu chấm, gạch ngang hoặc gạch chéo, ví dụ 000.00.20.H06-190802-0001.",
  invalidCodeDate: "Mã hồ sơ có phần ngày tiếp nhận (YYMMDD) không hợp lệ. Vui lòng kiểm tra lại mã trên giấy tiếp nhận.",
  notFound: (code: string) =>
    `Không tìm thấy hồ sơ có mã ${code}. Vui lòng kiểm tra lại mã trên giấy tiếp nhận hồ sơ và hẹn trả kết quả.`,
  rateLimited: (seconds: number) => `Bạn đã tra cứu quá nhiều lần. Vui lòng thử lại sau ${seconds} giây.`,
  payloadTooLarge: "Nội dung gửi lên quá lớn.",
  routeNotFound: "Không có chức năng này.",
  internal: "Hệ thống đang gặp sự cố. Vui lòng thử lại sau.",
} as const;

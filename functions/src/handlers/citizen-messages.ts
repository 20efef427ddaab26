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
  invalidPhoneBody: "Yêu cầu không hợp lệ: cần gửi mã xác nhận số điện thoại do Zalo cấp.",
  invalidPhoneToken: "Mã xác nhận số điện thoại đã hết hạn hoặc đã được dùng. Vui lòng thử lại.",
  unsupportedPhone: "Số điện thoại Zalo của bạn không phải số di động Việt Nam nên không dùng để tìm hồ sơ được.",
  phoneNotVerified: "Bạn chưa xác nhận số điện thoại. Hãy đồng ý chia sẻ số điện thoại để xem hồ sơ của mình.",
  invalidListQuery: "Tham số danh sách không hợp lệ (limit từ 1 đến 50, cursor do hệ thống trả về).",
  payloadTooLarge: "Nội dung gửi lên quá lớn.",
  routeNotFound: "Không có chức năng này.",
  internal: "Hệ thống đang gặp sự cố. Vui lòng thử lại sau.",
  ratingDossierNotFound:
    "Không tìm thấy hồ sơ của bạn để đánh giá. Chỉ người nộp hồ sơ mới đánh giá được: vui lòng mở hồ sơ bằng mã QR trên Giấy tiếp nhận hoặc xác thực số điện thoại.",
  ratingNotFinished: "Hồ sơ chưa giải quyết xong nên chưa thể đánh giá.",
  ratingLocked: "Đánh giá chỉ sửa được trong 7 ngày kể từ khi gửi; đánh giá này đã được khoá.",
  ratingReasonRequired: "Vui lòng cho biết lý do chưa hài lòng.",
  invalidRating:
    "Đánh giá không hợp lệ: mỗi tiêu chí chọn Rất hài lòng, Hài lòng hoặc Không hài lòng; lý do tối đa 500 ký tự, ý kiến tối đa 1000 ký tự.",
  invalidFeedback:
    "Nội dung không hợp lệ: chọn loại (hỏi đáp, phản ánh hoặc góp ý) và nhập nội dung từ 1 đến 2000 ký tự.",
  invalidMessage: "Nội dung tin nhắn phải từ 1 đến 2000 ký tự.",
  feedbackNotFound: "Không tìm thấy câu hỏi hoặc phản ánh này.",
  feedbackRateLimited: (seconds: number) =>
    `Bạn đã gửi nhiều câu hỏi và tin nhắn trong thời gian ngắn. Vui lòng thử lại sau ${seconds >= 120 ? `${Math.ceil(seconds / 60)} phút` : `${seconds} giây`}.`,
  feedbackClosed: "Câu hỏi này đã đóng. Vui lòng gửi câu hỏi mới.",
  invalidHelpful: "Vui lòng gửi {\"helpful\": true} hoặc {\"helpful\": false}.",
  notStaffMessage: "Chỉ đánh giá được câu trả lời của cán bộ.",
  invalidCursor: "Tham số phân trang không hợp lệ.",
  invalidLimit: "Số mục mỗi trang phải từ 1 đến 50.",
  announcementNotFound: "Không tìm thấy thông báo này.",
  invalidQuery: "Từ khoá tìm kiếm tối đa 100 ký tự.",
  invalidSubscriptionBody: "Yêu cầu không hợp lệ: cần gửi {\"subscribed\": true} để nhận hoặc {\"subscribed\": false} để thôi nhận thông báo.",
} as const;

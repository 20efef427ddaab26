const day = 24 * 60 * 60 * 1000;

/**
 * The demo citizen's questions for the staff inbox: one about his demo dossier (fresh), one general
 * question asked 25 days ago (past its 15-working-day deadline, so the inbox shows it late), and one the
 * staff answered (the thread a "Xem câu trả lời" link `?pakn=<id>` opens).
 */
export function buildSeedFeedback(now: Date, zaloAppUserId: string, demoDossierCode: string) {
  return [
    {
      at: new Date(now.getTime() - 25 * day),
      request: { zaloAppUserId, type: "hoi_dap" as const, text: "Làm lại căn cước công dân bị mất cần mang theo giấy tờ gì?", dossierCode: null },
    },
    {
      at: new Date(now.getTime() - 2 * 60 * 60 * 1000),
      request: { zaloAppUserId, type: "phan_anh" as const, text: "Hồ sơ của tôi đã quá ngày hẹn mà chưa có kết quả, nhờ cán bộ kiểm tra giúp.", dossierCode: demoDossierCode },
    },
    {
      at: new Date(now.getTime() - 5 * day),
      request: { zaloAppUserId, type: "hoi_dap" as const, text: "Đăng ký khai sinh cho con có cần mang theo giấy chứng nhận kết hôn không?", dossierCode: null },
      answer: {
        at: new Date(now.getTime() - 4 * day),
        staffName: "Bộ phận Một cửa",
        text: "Chào anh An, nếu cha mẹ đã đăng ký kết hôn thì anh mang theo giấy chứng nhận kết hôn (bản chính để đối chiếu), cùng giấy chứng sinh của cháu.",
      },
    },
  ];
}

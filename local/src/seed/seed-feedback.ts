const day = 24 * 60 * 60 * 1000;

/**
 * The demo citizen's questions for the staff inbox: one about his demo dossier (fresh), one general
 * question asked 25 days ago (past its 15-working-day deadline, so the inbox shows it late).
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
  ];
}

/**
 * The dossier the cost and memory benchmarks ingest: a land registration at a ward desk, with the long procedure
 * name land and construction procedures have (the dossier item's size is what decides its units).
 */
export function landDossier(applicant: { applicantPhone: string; receivedAt: string; dueAt: string }) {
  return {
    agencyCode: "000.00.20.H27",
    agencyName: "Ủy ban nhân dân phường Kinh Bắc",
    procedureCode: "1.012345.000.00.00.H27",
    procedureName: "Đăng ký đất đai, tài sản gắn liền với đất lần đầu và cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
    applicantName: "Nguyễn Thị Minh Châu",
    ...applicant,
  };
}

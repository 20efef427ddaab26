import type { DossierView } from "../features/dossier/dossier-view";

export const ownerDossier: DossierView = {
  view: "owner",
  code: "000.00.20.H06-190802-0001",
  procedure: { code: "1.000948.000.00.00.H06", name: "Cấp bản sao trích lục hộ tịch" },
  agency: { code: "000.00.20.H06", name: "UBND phường Bến Nghé" },
  applicantName: "Nguyễn Văn An",
  status: 5,
  statusLabel: "Yêu cầu bổ sung giấy tờ",
  receivedAt: "2026-11-20T01:15:00.000Z",
  dueAt: "2026-11-27T10:00:00.000Z",
  finishedAt: null,
  onTime: "trong_han",
  onTimeLabel: "Trong hạn",
  apology: {
    newDueAt: "2026-12-02T10:00:00.000Z",
    occurredAt: "2026-11-26T02:00:00.000Z",
    reason: "Cần xác minh thêm thông tin với nơi đăng ký khai sinh",
  },
  timeline: [
    { status: 2, statusLabel: "Được tiếp nhận", occurredAt: "2026-11-20T01:15:00.000Z", unitName: "Bộ phận Một cửa" },
    {
      status: 4,
      statusLabel: "Đang xử lý",
      occurredAt: "2026-11-21T03:30:00.000Z",
      unitName: "Phòng Tư pháp",
      note: "Chuyển cán bộ hộ tịch thụ lý",
    },
    {
      status: 5,
      statusLabel: "Yêu cầu bổ sung giấy tờ",
      occurredAt: "2026-11-24T08:45:00.000Z",
      unitName: "Phòng Tư pháp",
      note: "Bổ sung bản sao giấy khai sinh có chứng thực",
    },
  ],
};

export const publicDossier: DossierView = {
  ...ownerDossier,
  view: "public",
  applicantName: "Nguyễn V** A*",
  apology: { newDueAt: "2026-12-02T10:00:00.000Z", occurredAt: "2026-11-26T02:00:00.000Z" },
  timeline: ownerDossier.timeline.map(({ note: _note, ...entry }) => entry),
};

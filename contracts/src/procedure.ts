/** One administrative procedure (thủ tục hành chính) as `GET /v1/procedures?q=` answers it. */
export interface ProcedureView {
  /** Mã TTHC, e.g. 1.001193.000.00.00.H27 (not a dossier code). */
  code: string;
  name: string;
  /** Lĩnh vực, e.g. Hộ tịch. */
  field: string;
  /** Thời hạn giải quyết, as written in the catalogue, e.g. "05 ngày làm việc". */
  processingTime: string;
  /** Phí, lệ phí, e.g. "Miễn phí" or "8.000 đồng/bản". */
  fee: string;
  documentsRequired: string[];
  /** Nộp trực tuyến on the national portal (dichvucong.gov.vn). */
  portalUrl: string | null;
}

/** The longest search text the API takes (characters). */
export const maxProcedureQueryLength = 100;

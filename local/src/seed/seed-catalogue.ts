/**
 * Demo agencies and procedures. Names look real but describe no province's actual structure:
 * agency codes, names and procedures are configuration in the product.
 */
export interface SeedAgency {
  code: string;
  name: string;
  kind: "commune" | "department";
  /** The unit inside the agency that processes dossiers (event `unitName`). */
  processingUnit: string;
}

export interface SeedProcedure {
  code: string;
  name: string;
  agencyKind: SeedAgency["kind"];
  /** Statutory processing time in working days. */
  workingDays: number;
  supplementNote: string;
}

export const seedAgencies: readonly SeedAgency[] = [
  { code: "000.21.20.H27", name: "UBND phường Kinh Bắc", kind: "commune", processingUnit: "Công chức Tư pháp - Hộ tịch" },
  { code: "000.34.20.H27", name: "UBND xã Sơn Động", kind: "commune", processingUnit: "Công chức Địa chính - Xây dựng" },
  { code: "000.27.20.H27", name: "UBND phường Võ Cường", kind: "commune", processingUnit: "Công chức Văn phòng - Thống kê" },
  { code: "000.00.20.H27", name: "Sở Tư pháp", kind: "department", processingUnit: "Phòng Hành chính tư pháp" },
];

export const seedProcedures: readonly SeedProcedure[] = [
  {
    code: "1.001193.000.00.00.H27",
    name: "Đăng ký khai sinh",
    agencyKind: "commune",
    workingDays: 3,
    supplementNote: "Đề nghị bổ sung Giấy chứng sinh bản chính do cơ sở y tế cấp.",
  },
  {
    code: "1.004884.000.00.00.H27",
    name: "Cấp bản sao trích lục hộ tịch",
    agencyKind: "commune",
    workingDays: 2,
    supplementNote: "Đề nghị bổ sung bản sao Căn cước của người yêu cầu.",
  },
  {
    code: "2.000815.000.00.00.H27",
    name: "Chứng thực bản sao từ bản chính giấy tờ, văn bản",
    agencyKind: "commune",
    workingDays: 2,
    supplementNote: "Đề nghị mang bản chính giấy tờ để đối chiếu.",
  },
  {
    code: "1.000894.000.00.00.H27",
    name: "Đăng ký kết hôn",
    agencyKind: "commune",
    workingDays: 5,
    supplementNote: "Đề nghị bổ sung Giấy xác nhận tình trạng hôn nhân của bên nam.",
  },
  {
    code: "1.011572.000.00.00.H27",
    name: "Cấp giấy phép xây dựng nhà ở riêng lẻ",
    agencyKind: "commune",
    workingDays: 15,
    supplementNote: "Đề nghị bổ sung bản vẽ mặt bằng móng và giấy tờ chứng minh quyền sử dụng đất.",
  },
  {
    code: "1.004194.000.00.00.H27",
    name: "Đăng ký thường trú",
    agencyKind: "commune",
    workingDays: 7,
    supplementNote: "Đề nghị bổ sung văn bản đồng ý cho đăng ký thường trú của chủ hộ.",
  },
  {
    code: "1.001022.000.00.00.H27",
    name: "Đăng ký khai tử",
    agencyKind: "commune",
    workingDays: 3,
    supplementNote: "Đề nghị bổ sung Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử.",
  },
  {
    code: "2.001263.000.00.00.H27",
    name: "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam",
    agencyKind: "department",
    workingDays: 10,
    supplementNote: "Đề nghị bổ sung bản chụp sổ hộ khẩu hoặc giấy xác nhận thông tin về cư trú.",
  },
];

import type { ProcedureView } from "@motcua/contracts/procedure";
import { seedProcedures } from "./seed-catalogue.js";

/** The catalogue as the one-stop system would push it (`PUT /v1/ingest/procedures`): demo values, not a province's real ones. */
export type SeedCatalogueEntry = ProcedureView;

const portal = (code: string) =>
  `https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=${encodeURIComponent(code)}`;

const details: Record<string, Pick<SeedCatalogueEntry, "field" | "fee" | "documentsRequired">> = {
  "1.001193.000.00.00.H27": { field: "Hộ tịch", fee: "Miễn lệ phí", documentsRequired: ["Tờ khai đăng ký khai sinh theo mẫu", "Giấy chứng sinh", "Giấy tờ tùy thân của người đi đăng ký"] },
  "1.004884.000.00.00.H27": { field: "Hộ tịch", fee: "8.000 đồng/bản sao", documentsRequired: ["Tờ khai cấp bản sao trích lục hộ tịch", "Căn cước của người yêu cầu"] },
  "2.000815.000.00.00.H27": { field: "Chứng thực", fee: "2.000 đồng/trang; từ trang thứ ba 1.000 đồng/trang", documentsRequired: ["Bản chính giấy tờ, văn bản", "Bản sao cần chứng thực"] },
  "1.000894.000.00.00.H27": { field: "Hộ tịch", fee: "Miễn lệ phí", documentsRequired: ["Tờ khai đăng ký kết hôn theo mẫu", "Giấy xác nhận tình trạng hôn nhân (nếu đăng ký ở nơi khác nơi cư trú)", "Căn cước của hai bên"] },
  "1.011572.000.00.00.H27": { field: "Hoạt động xây dựng", fee: "75.000 đồng/giấy phép", documentsRequired: ["Đơn đề nghị cấp giấy phép xây dựng", "Giấy tờ chứng minh quyền sử dụng đất", "Bản vẽ thiết kế xây dựng"] },
  "1.004194.000.00.00.H27": { field: "Cư trú", fee: "Miễn lệ phí khi nộp trực tuyến", documentsRequired: ["Tờ khai thay đổi thông tin cư trú", "Giấy tờ chứng minh chỗ ở hợp pháp"] },
  "1.001022.000.00.00.H27": { field: "Hộ tịch", fee: "Miễn lệ phí", documentsRequired: ["Tờ khai đăng ký khai tử theo mẫu", "Giấy báo tử hoặc giấy tờ thay thế"] },
  "2.001263.000.00.00.H27": { field: "Lý lịch tư pháp", fee: "200.000 đồng/lần", documentsRequired: ["Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp", "Bản chụp Căn cước"] },
};

export function buildSeedProcedureCatalogue(): SeedCatalogueEntry[] {
  return seedProcedures.map((procedure) => ({
    code: procedure.code,
    name: procedure.name,
    ...(details[procedure.code] ?? { field: "Khác", fee: "Không quy định", documentsRequired: [] }),
    processingTime: `${String(procedure.workingDays).padStart(2, "0")} ngày làm việc`,
    portalUrl: portal(procedure.code),
  }));
}

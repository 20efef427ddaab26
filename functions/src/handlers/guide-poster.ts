/** Escapes text for HTML element content and attribute values. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export interface GuidePosterContent {
  miniAppUrl: string;
  qrSvg: string;
  agencyName: string | null;
}

/**
 * The guide poster (bảng hướng dẫn) for the one-stop desk: one A4 page, large type for reading at a distance,
 * the QR that opens the Mini App, and the steps in Vietnamese. Print CSS sets the page size and margins.
 */
export function renderGuidePoster(content: GuidePosterContent): string {
  const agency = content.agencyName ? `<p class="agency">${escapeHtml(content.agencyName)}</p>` : "";
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Bảng hướng dẫn tra cứu hồ sơ trên Zalo</title>
<style>
  @page { size: A4 portrait; margin: 14mm; }
  * { box-sizing: border-box; }
  body { margin: 0; font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: #10243e; }
  .sheet { width: 182mm; height: 262mm; margin: 0 auto; padding: 8mm 6mm; border: 2mm solid #0b4fa3; border-radius: 6mm;
           display: flex; flex-direction: column; align-items: center; text-align: center; }
  .agency { font-size: 14pt; font-weight: 600; text-transform: uppercase; margin: 0 0 3mm; }
  h1 { font-size: 26pt; line-height: 1.2; margin: 2mm 0 2mm; color: #0b4fa3; }
  .lead { font-size: 15pt; margin: 0 0 6mm; }
  .qr { width: 82mm; height: 82mm; padding: 3mm; border: 1mm solid #10243e; border-radius: 3mm; background: #fff; }
  .qr svg { width: 100%; height: 100%; }
  .link { font-size: 11pt; margin: 2mm 0 6mm; word-break: break-all; }
  ol { text-align: left; font-size: 14pt; line-height: 1.4; margin: 0; padding-left: 10mm; width: 100%; }
  li { margin-bottom: 2.5mm; }
  .note { margin-top: auto; font-size: 11.5pt; color: #36506f; }
  @media screen { body { background: #e9eef5; padding: 8mm 0; } .sheet { background: #fff; } }
</style>
</head>
<body>
<main class="sheet">
  ${agency}
  <h1>Tra cứu hồ sơ thủ tục hành chính trên Zalo</h1>
  <p class="lead">Quét mã QR để theo dõi hồ sơ và nhận thông báo qua Zalo</p>
  <div class="qr" role="img" aria-label="Mã QR mở Mini App Một cửa trên Zalo">${content.qrSvg}</div>
  <p class="link">${escapeHtml(content.miniAppUrl)}</p>
  <ol>
    <li>Mở ứng dụng <strong>Zalo</strong>, chọn biểu tượng <strong>quét mã QR</strong> và quét mã trên.</li>
    <li>Nhập <strong>mã hồ sơ</strong> in trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả, hoặc quét mã QR trên giấy.</li>
    <li>Xem tình trạng giải quyết, ngày hẹn trả và các yêu cầu bổ sung (nếu có).</li>
    <li>Bấm <strong>Quan tâm</strong> để nhận tin nhắn Zalo khi hồ sơ có kết quả.</li>
    <li>Đánh giá mức độ hài lòng và gửi câu hỏi, phản ánh, góp ý ngay trong Mini App.</li>
  </ol>
  <p class="note">Dịch vụ miễn phí. Cán bộ Bộ phận Một cửa sẵn sàng hướng dẫn nếu bạn cần hỗ trợ.</p>
</main>
</body>
</html>
`;
}

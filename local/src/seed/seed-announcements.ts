import type { Announcement } from "@motcua/functions/domain/announcement";

const day = 24 * 60 * 60 * 1000;

/** A few announcements of every kind, newest first, dated relative to `now`. */
export function buildSeedAnnouncements(now: Date): Announcement[] {
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * day).toISOString();
  return [
    {
      id: "seed-ann-notice-tet",
      kind: "notice",
      title: "Lịch nghỉ Tết và lịch tiếp nhận hồ sơ",
      body: "Bộ phận Một cửa nghỉ theo lịch nghỉ Tết của cơ quan nhà nước. Hồ sơ nộp trực tuyến trong thời gian nghỉ được tiếp nhận vào ngày làm việc đầu tiên sau Tết.",
      link: null,
      publishedAt: at(1),
    },
    {
      id: "seed-ann-new-procedure",
      kind: "new_procedure",
      title: "Công bố thủ tục mới: Đăng ký khai sinh, thường trú, cấp thẻ BHYT cho trẻ dưới 6 tuổi (liên thông)",
      body: "Từ nay công dân có thể nộp một bộ hồ sơ để cùng lúc đăng ký khai sinh, đăng ký thường trú và cấp thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi.",
      link: "https://dichvucong.gov.vn",
      publishedAt: at(3),
    },
    {
      id: "seed-ann-new-document",
      kind: "new_document",
      title: "Văn bản mới: Nghị định 118/2025/NĐ-CP về thực hiện thủ tục hành chính theo cơ chế một cửa",
      body: "Nghị định quy định việc tiếp nhận, giải quyết thủ tục hành chính tại Bộ phận Một cửa và trên Cổng Dịch vụ công quốc gia, có hiệu lực từ ngày 01/7/2025.",
      link: null,
      publishedAt: at(6),
    },
    {
      id: "seed-ann-abolished",
      kind: "abolished_procedure",
      title: "Bãi bỏ thủ tục: Cấp giấy xác nhận hộ khẩu giấy",
      body: "Thủ tục được bãi bỏ do thông tin cư trú đã có trong Cơ sở dữ liệu quốc gia về dân cư. Công dân dùng Căn cước hoặc VNeID để chứng minh nơi cư trú.",
      link: null,
      publishedAt: at(10),
    },
  ];
}

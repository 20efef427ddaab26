/**
 * Days off for public offices in Vietnam, 2026 and 2027 (Bộ luật Lao động 2019, Điều 112, and the yearly
 * decisions on Tết and National Day). Weekdays only: weekends are off anyway. Days moved by a yearly
 * decision (the second National Day day, make-up days) change each year, so the calendar is configuration
 * (`HOLIDAYS`) and this list is its default.
 */
export const vietnamPublicHolidays: readonly string[] = [
  // 2026
  "2026-01-01", // Tết Dương lịch
  "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", // Tết Bính Ngọ (mùng 1 = 17/2)
  "2026-04-27", // Giỗ Tổ Hùng Vương 10/3 âm lịch (26/4, Chủ nhật) nghỉ bù
  "2026-04-30", "2026-05-01", // Giải phóng miền Nam, Quốc tế Lao động
  "2026-09-01", "2026-09-02", // Quốc khánh
  // 2027
  "2027-01-01", // Tết Dương lịch
  "2027-02-04", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10", // Tết Đinh Mùi (mùng 1 = 6/2)
  "2027-04-16", // Giỗ Tổ Hùng Vương (10/3 âm lịch)
  "2027-04-30", "2027-05-03", // 30/4; 1/5 là thứ Bảy, nghỉ bù thứ Hai
  "2027-09-02", "2027-09-03", // Quốc khánh
];

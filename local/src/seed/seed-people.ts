/**
 * The people of the demo data. Zalo user ids are fixed so that the same ids come back on every run
 * (tokens are issued fresh by the emulator each time).
 */
export interface SeedPerson {
  name: string;
  /** 0xxxxxxxxx, as the one-stop system records it. */
  phone: string;
  zaloAppUserId: string;
  follower: boolean;
}

export const seedCitizen: SeedPerson = {
  name: "Nguyễn Văn An",
  phone: "0912345678",
  zaloAppUserId: "3141592653589793238",
  follower: true,
};

export const seedSecondCitizen: SeedPerson = {
  name: "Trần Thị Bình",
  phone: "0987654321",
  zaloAppUserId: "2718281828459045235",
  follower: false,
};

/** Staff with the admin role; the backend learns this from configuration (its first admin). */
export const seedAdmin: SeedPerson = {
  name: "Lê Minh Quân",
  phone: "0903123456",
  zaloAppUserId: "1618033988749894848",
  follower: true,
};

/** A desk officer of the first seeded agency, added as staff by the admin through the API. */
export const seedOfficer: SeedPerson = {
  name: "Phạm Thu Hà",
  phone: "0904234567",
  zaloAppUserId: "1414213562373095048",
  follower: false,
};

/** Other applicants: they have dossiers but no Zalo account in the demo. */
export const otherApplicants: readonly { name: string; phone: string }[] = [
  { name: "Phạm Thị Hoa", phone: "0971234501" },
  { name: "Hoàng Văn Dũng", phone: "0962345602" },
  { name: "Vũ Thị Lan", phone: "0353456703" },
  { name: "Đặng Quốc Huy", phone: "0384567804" },
  { name: "Bùi Thị Thu Trang", phone: "0915678905" },
  { name: "Đỗ Minh Tuấn", phone: "0946789006" },
  { name: "Ngô Thị Mai", phone: "0867890107" },
  { name: "Dương Văn Hải", phone: "0398901208" },
  { name: "Lý Thị Ngọc Ánh", phone: "0329012309" },
  { name: "Trịnh Công Sơn", phone: "0988123410" },
  { name: "Phan Thị Kim Oanh", phone: "0979234511" },
  { name: "Võ Đức Thắng", phone: "0916345612" },
  { name: "Nguyễn Thị Hồng Nhung", phone: "0934456713" },
  { name: "Trần Quang Khải", phone: "0705567814" },
  { name: "Lê Thị Thanh Hương", phone: "0776678915" },
  { name: "Hà Văn Phúc", phone: "0827789016" },
  { name: "Mai Thị Yến", phone: "0858890117" },
  { name: "Chu Văn Lâm", phone: "0589901218" },
];

/** The national portal's status codes (TrangThai), synced by every provincial one-stop system. */
export const dossierStatuses = {
  1: "Mới đăng ký",
  2: "Được tiếp nhận",
  3: "Không được tiếp nhận",
  4: "Đang xử lý",
  5: "Yêu cầu bổ sung giấy tờ",
  6: "Yêu cầu thực hiện nghĩa vụ tài chính",
  7: "Công dân yêu cầu rút hồ sơ",
  8: "Dừng xử lý",
  9: "Đã xử lý xong",
  10: "Đã trả kết quả",
} as const;

export type DossierStatus = keyof typeof dossierStatuses;

export const allDossierStatuses = Object.keys(dossierStatuses).map(Number) as DossierStatus[];

export function isDossierStatus(value: unknown): value is DossierStatus {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 10;
}

export function statusLabel(status: DossierStatus): string {
  return dossierStatuses[status];
}

export const supplementRequestStatus: DossierStatus = 5;

/**
 * Statuses that end the processing clock, in the national index's order of preference:
 * the time of "Đã xử lý xong", else "Đã trả kết quả", else stopped/refused, else withdrawn.
 */
export const finishingStatusPreference: readonly (readonly DossierStatus[])[] = [[9], [10], [8, 3], [7]];

/** Vietnamese copy of the month-range and agency filter of the staff reports (ratings, reach). */
export const reportFilterCopy = {
  from: "Từ tháng",
  to: "Đến tháng",
  agency: "Cơ quan",
  allAgencies: "Tất cả cơ quan",
  allMyAgencies: "Tất cả cơ quan phụ trách",
  show: "Xem",
  monthOption: (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`,
  badRange: "Tháng bắt đầu phải trước tháng kết thúc, tối đa 24 tháng.",
} as const;

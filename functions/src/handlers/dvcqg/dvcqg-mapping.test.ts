import { describe, expect, it } from "vitest";
import { mapDossierItem, mapProgressStep, nationalStatusMap, parseDialectDate } from "./dvcqg-mapping.js";

const context = { madonvi: "000.00.01.H56", statusMap: nationalStatusMap };

const item = (overrides: Record<string, unknown> = {}) => ({
  MaHoSo: "000.00.01.H56-240101-0001",
  MaTTHC: "1.001234",
  TenTTHC: "Đăng ký khai sinh",
  ChuHoSo: "Nguyễn Văn A",
  SoDienThoai: "0912345678",
  NgayTiepNhan: "20240101080000",
  NgayHenTra: "20240115170000",
  TrangThaiHoSo: "2",
  DonViXuLy: "UBND xã Minh Khai",
  NgayTra: "",
  ...overrides,
});

describe("dialect dates", () => {
  it("reads yyyyMMddHHmmss as Vietnam time", () => {
    expect(parseDialectDate({ d: "20240101080000" }, "d")).toBe("2024-01-01T01:00:00.000Z");
    expect(parseDialectDate({ d: "20240101033000" }, "d")).toBe("2023-12-31T20:30:00.000Z");
    expect(parseDialectDate({ d: 20240229235959 }, "d")).toBe("2024-02-29T16:59:59.000Z");
  });

  it("treats an empty string or null as absent", () => {
    expect(parseDialectDate({ d: "" }, "d")).toBeUndefined();
    expect(parseDialectDate({ d: "   " }, "d")).toBeUndefined();
    expect(parseDialectDate({ d: null }, "d")).toBeUndefined();
  });

  it("rejects impossible or malformed dates", () => {
    for (const bad of ["20230229080000", "20241301080000", "20240101246000", "2024-01-01", "20240101 080000"]) {
      expect(() => parseDialectDate({ d: bad }, "d"), bad).toThrow(/d/u);
    }
  });
});

describe("DongBoHoSoMC item", () => {
  it("maps details and a received event", () => {
    const mapped = mapDossierItem(item(), context);
    expect(mapped).toEqual({
      ok: true,
      warnings: [],
      value: {
        code: "000.00.01.H56-240101-0001",
        codeKind: "official",
        sourceStatus: null,
        details: {
          agencyCode: "000.00.01.H56",
          agencyName: "UBND xã Minh Khai",
          procedureCode: "1.001234",
          procedureName: "Đăng ký khai sinh",
          applicantName: "Nguyễn Văn A",
          applicantPhone: "84912345678",
          receivedAt: "2024-01-01T01:00:00.000Z",
          dueAt: "2024-01-15T10:00:00.000Z",
        },
        events: [
          {
            eventId: "dvcqg:2:20240101010000:000.00.01.H56-240101-0001",
            status: 2,
            occurredAt: "2024-01-01T01:00:00.000Z",
            note: null,
            unitName: null,
            apology: null,
          },
        ],
      },
    });
  });

  it("uses madonvi as the agency of a code that is not in the official form", () => {
    const mapped = mapDossierItem(item({ MaHoSo: "03706/2026/07906" }), context);
    expect(mapped.ok && mapped.value.details.agencyCode).toBe("000.00.01.H56");
  });

  it("accepts numbers where strings are expected", () => {
    const mapped = mapDossierItem(item({ TrangThaiHoSo: 4, MaTTHC: 1001234, NgayTiepNhan: 20240101080000 }), context);
    expect(mapped.ok).toBe(true);
    if (!mapped.ok) return;
    expect(mapped.value.details.procedureCode).toBe("1001234");
    expect(mapped.value.events.map((e) => e.status)).toEqual([2, 4]);
  });

  it("rejects an object where a string is expected, naming the field", () => {
    expect(mapDossierItem(item({ ChuHoSo: { ten: "A" } }), context)).toEqual({
      ok: false,
      code: "000.00.01.H56-240101-0001",
      reason: "ChuHoSo phải là chuỗi",
    });
  });

  it("rejects the item with an impossible date, with the reason", () => {
    const mapped = mapDossierItem(item({ NgayHenTra: "20240231170000" }), context);
    expect(mapped).toMatchObject({ ok: false, reason: expect.stringContaining("NgayHenTra") });
  });

  it("rejects a bad dossier code", () => {
    expect(mapDossierItem(item({ MaHoSo: "ab" }), context)).toMatchObject({ ok: false, reason: expect.stringContaining("MaHoSo") });
    expect(mapDossierItem(item({ MaHoSo: "" }), context)).toMatchObject({ ok: false, reason: "thiếu MaHoSo" });
  });

  it("keeps a landline out of Zalo with a warning", () => {
    const mapped = mapDossierItem(item({ SoDienThoai: "02043123456" }), context);
    expect(mapped).toMatchObject({ ok: true, value: { details: { applicantPhone: null } } });
    expect(mapped.ok && mapped.warnings).toHaveLength(1);
  });

  it("turns supplement rounds into a supplement request (owner note) and an apology with the new date", () => {
    const mapped = mapDossierItem(
      item({
        TrangThaiHoSo: "4",
        DanhSachHoSoBoSung: [
          {
            HoSoBoSungId: 1,
            NoiDungBoSung: "Bổ sung bản sao giấy chứng sinh",
            NgayBoSung: "20240103090000",
            NgayTiepNhanBoSung: "20240105100000",
            NgayHenTraMoi: "20240119170000",
            TrangThaiBoSung: true,
          },
        ],
      }),
      context,
    );
    expect(mapped.ok).toBe(true);
    if (!mapped.ok) return;
    expect(mapped.value.events.map((e) => [e.status, e.occurredAt, e.note, e.apology?.newDueAt ?? null])).toEqual([
      [2, "2024-01-01T01:00:00.000Z", null, null],
      [5, "2024-01-03T02:00:00.000Z", "Bổ sung bản sao giấy chứng sinh", null],
      [4, "2024-01-05T03:00:00.000Z", null, "2024-01-19T10:00:00.000Z"],
    ]);
  });

  it("places the finishing and handover dates for 9 and 10", () => {
    const mapped = mapDossierItem(item({ TrangThaiHoSo: "10", NgayKetThucXuLy: "20240110160000", NgayTra: "20240111090000" }), context);
    expect(mapped.ok && mapped.value.events.map((e) => [e.status, e.occurredAt])).toEqual([
      [2, "2024-01-01T01:00:00.000Z"],
      [9, "2024-01-10T09:00:00.000Z"],
      [10, "2024-01-11T02:00:00.000Z"],
    ]);
  });

  it("gives a status without its own date the latest date plus one second, marked as inferred", () => {
    const mapped = mapDossierItem(item({ TrangThaiHoSo: "6" }), context);
    expect(mapped.ok && mapped.value.events.at(-1)).toMatchObject({ status: 6, occurredAt: "2024-01-01T01:00:01.000Z", timeInferred: true });
  });

  it("keeps an unknown status as sourceStatus: only the dated facts become events, never the status itself", () => {
    const mapped = mapDossierItem(item({ TrangThaiHoSo: "11", NgayKetThucXuLy: "20240110160000" }), context);
    expect(mapped).toMatchObject({ ok: true, value: { sourceStatus: "11" } });
    expect(mapped.ok && mapped.value.events.map((e) => [e.status, e.occurredAt])).toEqual([[2, "2024-01-01T01:00:00.000Z"]]);
  });

  it("rejects an item without TrangThaiHoSo", () => {
    expect(mapDossierItem(item({ TrangThaiHoSo: "" }), context)).toMatchObject({ ok: false, reason: "thiếu TrangThaiHoSo" });
  });

  it("follows the sender's status map", () => {
    const map = { ...nationalStatusMap, "3": 8 as const, "8": 3 as const };
    const mapped = mapDossierItem(item({ TrangThaiHoSo: "8", NgayTuChoi: "20240102080000" }), { ...context, statusMap: map });
    expect(mapped.ok && mapped.value.events.map((e) => e.status)).toEqual([3]);
  });

  it("never reads identity numbers, e-mail, fax, attachments, fees or result links", () => {
    const mapped = mapDossierItem(
      item({
        SoGiayToChuHoSo: "001099012345",
        DinhDanhCHS: [{ LoaiDinhDanh: "1", SoDinhDanh: "001099012345" }],
        Email: "a@example.vn",
        Fax: "02043999999",
        TaiLieuNop: [{ DuongDanTaiTepTin: "https://files.example.vn/a.pdf" }],
        DanhSachLePhi: [{ Gia: "135000" }],
        DanhSachGiayToKetQua: [{ DuongDanTepTinKetQua: "https://files.example.vn/kq.pdf" }],
      }),
      context,
    );
    const serialised = JSON.stringify(mapped);
    for (const secret of ["001099012345", "a@example.vn", "02043999999", "files.example.vn", "135000"]) {
      expect(serialised).not.toContain(secret);
    }
  });
});

describe("CapNhatTienDoHoSoMC step", () => {
  const step = (overrides: Record<string, unknown> = {}) => ({
    MaHoSo: "000.00.01.H56-240101-0001",
    NguoiXuLy: "Trần Thị B",
    ChucDanh: "Chuyên viên",
    ThoiDiemXuLy: "20240102090000",
    PhongBanXuLy: "Phòng Tư pháp",
    NoiDungXuLy: "Thẩm định hồ sơ",
    TrangThai: "4",
    ...overrides,
  });

  it("becomes one event with the unit and an owner-only note, never the officer's name", () => {
    const mapped = mapProgressStep(step(), context);
    expect(mapped).toEqual({
      ok: true,
      warnings: [],
      value: {
        code: "000.00.01.H56-240101-0001",
        codeKind: "official",
        sourceStatus: null,
        event: {
          eventId: "dvcqg:4:20240102020000:000.00.01.H56-240101-0001",
          status: 4,
          occurredAt: "2024-01-02T02:00:00.000Z",
          note: "Thẩm định hồ sơ",
          unitName: "Phòng Tư pháp",
          apology: null,
        },
      },
    });
    expect(JSON.stringify(mapped)).not.toContain("Trần Thị B");
  });

  it("has the same id as the item event of the same status and time (a resent synthetic step is a duplicate)", () => {
    const fromStep = mapProgressStep(step({ TrangThai: 2, ThoiDiemXuLy: "20240101080000" }), context);
    const fromItem = mapDossierItem(item(), context);
    expect(fromStep.ok && fromStep.value.event?.eventId).toBe(fromItem.ok && fromItem.value.events[0]?.eventId);
  });

  it("rejects a step without a time or status", () => {
    expect(mapProgressStep(step({ ThoiDiemXuLy: "" }), context)).toMatchObject({ ok: false, reason: "thiếu ThoiDiemXuLy" });
    expect(mapProgressStep(step({ TrangThai: "" }), context)).toMatchObject({ ok: false, reason: "thiếu TrangThai" });
  });

  it("keeps an unknown status as sourceStatus", () => {
    expect(mapProgressStep(step({ TrangThai: 11 }), context)).toMatchObject({ ok: true, value: { event: null, sourceStatus: "11" } });
  });
});

import { describe, expect, it } from "vitest";
import { testTableForThisFile } from "../../../test/dynamodb-test-table.js";
import type { Procedure } from "../../domain/procedure.js";
import { DynamoDbAnnouncementRepository } from "./dynamodb-announcement-repository.js";
import { DynamoDbProcedureRepository } from "./dynamodb-procedure-repository.js";


const table = testTableForThisFile();

describe("DynamoDbAnnouncementRepository", () => {
  it("access pattern: announcements newest first, a page at a time (1 Query on GSI1), and one by id", async () => {
    const repository = new DynamoDbAnnouncementRepository(table.table);
    for (let day = 1; day <= 5; day += 1) {
      await repository.publish({ id: `a${day}`, kind: "notice", title: `Thông báo ${day}`, body: "Nội dung", link: null, publishedAt: `2026-11-0${day}T01:00:00.000Z` });
    }
    const first = await repository.listNewestFirst({ limit: 2, after: null });
    expect(first.announcements.map((a) => a.id)).toEqual(["a5", "a4"]);
    const second = await repository.listNewestFirst({ limit: 2, after: first.next });
    expect(second.announcements.map((a) => a.id)).toEqual(["a3", "a2"]);
    const last = await repository.listNewestFirst({ limit: 2, after: second.next });
    expect(last.announcements.map((a) => a.id)).toEqual(["a1"]);
    expect(last.next).toBeNull();
    expect(await repository.get("a3")).toMatchObject({ title: "Thông báo 3", kind: "notice" });
    expect(await repository.get("missing")).toBeNull();
  });
});

describe("DynamoDbProcedureRepository", () => {
  it("access pattern: the whole catalogue from one partition (paginated Query on GSI1), upserted by code", async () => {
    const repository = new DynamoDbProcedureRepository(table.table);
    const procedure = (i: number): Procedure => ({
      code: `1.${String(i).padStart(6, "0")}`,
      name: `Thủ tục số ${i}`,
      field: "Hộ tịch",
      processingTime: "05 ngày làm việc",
      fee: "Miễn phí",
      documentsRequired: ["Tờ khai", "Giấy tờ tùy thân ".repeat(20)],
      portalUrl: "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1",
      abolished: false,
      updatedAt: "2026-11-01T00:00:00.000Z",
    });
    // Enough items for more than one 1 MB page of the Query.
    const all = Array.from({ length: 1100 }, (_, i) => procedure(i));
    await repository.upsertMany(all);
    await repository.upsertMany([{ ...procedure(7), name: "Đổi tên", abolished: true }]);
    const listed = await repository.listAll();
    expect(listed).toHaveLength(1100);
    expect(listed.find((p) => p.code === "1.000007")).toMatchObject({ name: "Đổi tên", abolished: true });
  });
});

import { createDocumentClient } from "@motcua/functions/adapters/dynamodb/document-client";
import { DynamoDbProcedureRepository } from "@motcua/functions/adapters/dynamodb/dynamodb-procedure-repository";
import { Table } from "@motcua/functions/adapters/dynamodb/table";
import { indexProcedures, searchProcedures, type Procedure } from "@motcua/functions/domain/procedure";
import type { StackInfo } from "@motcua/local/stack/start-stack";
import { meteredDynamoDbClient } from "./dynamodb-meter.js";
import type { BenchLine } from "./lookup-and-ingest.bench.js";

const fields = ["Hộ tịch", "Chứng thực", "Đất đai", "Hoạt động xây dựng", "Cư trú", "Lý lịch tư pháp", "Giáo dục", "Y tế"];
const verbs = ["Đăng ký", "Cấp", "Cấp lại", "Điều chỉnh", "Xác nhận", "Gia hạn"];

/** A catalogue the size of a province's (a few thousand procedures), with realistic lengths. */
function syntheticCatalogue(count: number): Procedure[] {
  return Array.from({ length: count }, (_, i) => ({
    code: `9.${String(i).padStart(6, "0")}.000.00.00.H27`,
    name: `${verbs[i % verbs.length]} ${fields[i % fields.length]!.toLowerCase()} trường hợp số ${i}`,
    field: fields[i % fields.length]!,
    processingTime: `${(i % 20) + 1} ngày làm việc`,
    fee: i % 3 === 0 ? "Miễn phí" : `${(i % 10) * 10}.000 đồng`,
    documentsRequired: ["Tờ khai theo mẫu", "Bản sao Căn cước", "Giấy tờ chứng minh liên quan"],
    portalUrl: `https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=${i}`,
    abolished: false,
    updatedAt: new Date().toISOString(),
  }));
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** What one Lambda instance pays to load the catalogue, and what a search costs once it is in memory. */
export async function benchProcedureCatalogue(info: StackInfo, options: { procedures: number; searches: number }): Promise<BenchLine[]> {
  const meter = meteredDynamoDbClient(info.dynamodbEndpoint, info.region);
  const repository = new DynamoDbProcedureRepository(new Table(createDocumentClient({ region: info.region, endpoint: info.dynamodbEndpoint }, meter.client), info.tableName));
  await repository.upsertMany(syntheticCatalogue(options.procedures));

  meter.reset();
  const loadStart = performance.now();
  const all = await repository.listAll();
  const loadMs = performance.now() - loadStart;
  const queries = meter.requests().QueryCommand ?? 0;
  const indexStart = performance.now();
  const index = indexProcedures(all);
  const indexMs = performance.now() - indexStart;

  const terms = ["ho tich", "khai sinh", "xay dung", "dat dai", "cap lai", "truong hop so 12", "chung thuc", "zzz"];
  const times: number[] = [];
  for (let i = 0; i < options.searches; i += 1) {
    const start = performance.now();
    searchProcedures(index, terms[i % terms.length]!, 20);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  meter.client.destroy();
  return [
    { name: `procedure catalogue load, ${all.length} procedures (one Lambda instance, every 5 min)`, value: `${queries} Query pages, ${loadMs.toFixed(0)} ms; index ${indexMs.toFixed(0)} ms` },
    { name: `procedure search in memory, ${options.searches} searches`, value: `p50 ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms` },
  ];
}

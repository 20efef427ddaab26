import { expect, it } from "vitest";
import { renderGuidePoster } from "./guide-poster.js";

it("renders one A4 page with the QR, the steps and an escaped agency name", () => {
  const html = renderGuidePoster({ miniAppUrl: "https://zalo.me/s/123/", qrSvg: "<svg id=qr></svg>", agencyName: "UBND <phường> Kinh Bắc" });
  expect(html).toContain("@page { size: A4 portrait");
  expect(html).toContain("<svg id=qr></svg>");
  expect(html).toContain("UBND &lt;phường&gt; Kinh Bắc");
  expect(html).toContain("Tra cứu hồ sơ thủ tục hành chính trên Zalo");
  expect(html.match(/<li>/g)).toHaveLength(5);
});

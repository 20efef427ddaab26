import { createHash } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DeadLetter } from "../../ports/dead-letter-queue.js";
import { sqsDeadLetterQueueOnFirstSend } from "./sqs-dead-letter-queue-on-first-send.js";

/** A stand-in SQS endpoint over real HTTP: it records each SendMessage and answers as SQS does (JSON protocol). */
const received: { target: string | undefined; body: Record<string, unknown> }[] = [];
const server = createServer(async (request: IncomingMessage, response) => {
  let text = "";
  for await (const chunk of request) text += String(chunk);
  const body = JSON.parse(text) as Record<string, unknown>;
  received.push({ target: request.headers["x-amz-target"] as string | undefined, body });
  const md5 = createHash("md5").update(String(body.MessageBody)).digest("hex");
  response.writeHead(200, { "content-type": "application/x-amz-json-1.0" });
  response.end(JSON.stringify({ MessageId: `m${received.length}`, MD5OfMessageBody: md5 }));
});
const saved = { ...process.env };

const letter = (outboxId: string): DeadLetter => ({
  outboxId,
  reason: "attempts exhausted",
  attempts: 8,
  failedAt: "2026-11-24T02:00:00.000Z",
  notification: { kind: "dossier_received", dossierCode: "000.00.20.H27-261124-0001", status: 2, procedureName: "Đăng ký khai sinh", dueAt: "2026-11-28T10:00:00.000Z", newDueAt: null, applicantPhone: null },
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.AWS_ACCESS_KEY_ID = "test";
  process.env.AWS_SECRET_ACCESS_KEY = "test";
});
afterAll(async () => {
  process.env = saved;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

it("sends each dead letter once to the queue, through the SQS client it loads on the first one", async () => {
  // The SDK sends to the queue's URL itself, here the stand-in endpoint.
  const queueUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/123456789012/motcua-notify-dlq`;
  const queue = sqsDeadLetterQueueOnFirstSend("ap-southeast-1", queueUrl);
  await queue.send(letter("o-1"));
  await queue.send(letter("o-2"));
  expect(received.map((r) => r.target)).toEqual(["AmazonSQS.SendMessage", "AmazonSQS.SendMessage"]);
  expect(received.map((r) => r.body.QueueUrl)).toEqual([queueUrl, queueUrl]);
  expect(received.map((r) => JSON.parse(String(r.body.MessageBody)))).toEqual([
    { kind: "outbox_item_failed", ...letter("o-1") },
    { kind: "outbox_item_failed", ...letter("o-2") },
  ]);
});

import { GetSecretValueCommand, type SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { expect, it } from "vitest";
import { secretsManagerReader } from "./secrets-manager-reader.js";

function fakeClient(answer: { SecretString?: string; SecretBinary?: Uint8Array }) {
  const sent: unknown[] = [];
  const client = {
    send: async (command: unknown) => {
      sent.push(command);
      return answer;
    },
  } as unknown as Pick<SecretsManagerClient, "send">;
  return { client, sent };
}

it("asks Secrets Manager for the secret's current value by its ARN", async () => {
  const { client, sent } = fakeClient({ SecretString: "receipt-key-0123456789" });
  expect(await secretsManagerReader(client)("arn:aws:secretsmanager:ap-southeast-1:1:secret:r")).toBe("receipt-key-0123456789");
  expect(sent).toHaveLength(1);
  expect(sent[0]).toBeInstanceOf(GetSecretValueCommand);
  expect((sent[0] as GetSecretValueCommand).input).toEqual({ SecretId: "arn:aws:secretsmanager:ap-southeast-1:1:secret:r" });
});

it("refuses a secret without a string value", async () => {
  const { client } = fakeClient({ SecretBinary: new Uint8Array([1]) });
  await expect(secretsManagerReader(client)("arn:x")).rejects.toThrow(/arn:x has no string value/);
});

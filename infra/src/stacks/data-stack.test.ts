import { tableDefinition } from "@motcua/functions/adapters/dynamodb/table-definition";
import { unsetSecretValue } from "@motcua/functions/config/secret-env";
import { Match, type Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { secretCatalogue, secretNames } from "../secret-catalogue.js";
import { prodContext, synthStage } from "../testing/synth-stage.js";

let prod: Template;
let dev: Template;

beforeAll(() => {
  prod = synthStage({ context: prodContext, dataOnly: true }).dataTemplate;
  dev = synthStage({ context: { stage: "dev" }, dataOnly: true }).dataTemplate;
});

function onlyResource(template: Template, type: string) {
  const resources = Object.values(template.findResources(type));
  expect(resources).toHaveLength(1);
  return resources[0] as { Properties: Record<string, unknown>; DeletionPolicy?: string; UpdateReplacePolicy?: string };
}

describe("the table", () => {
  it("has the key names and indexes that functions/ uses (table-definition.ts)", () => {
    const table = onlyResource(prod, "AWS::DynamoDB::Table").Properties;
    expect(table.KeySchema).toEqual([
      { AttributeName: tableDefinition.partitionKey, KeyType: "HASH" },
      { AttributeName: tableDefinition.sortKey, KeyType: "RANGE" },
    ]);
    expect(table.BillingMode).toBe("PAY_PER_REQUEST");
    const indexes = table.GlobalSecondaryIndexes as { IndexName: string; KeySchema: unknown; Projection: unknown }[];
    expect(indexes.map((index) => index.IndexName)).toEqual(tableDefinition.globalSecondaryIndexes.map((i) => i.indexName));
    for (const expected of tableDefinition.globalSecondaryIndexes) {
      const index = indexes.find((i) => i.IndexName === expected.indexName)!;
      expect(index.KeySchema).toEqual([
        { AttributeName: expected.partitionKey, KeyType: "HASH" },
        { AttributeName: expected.sortKey, KeyType: "RANGE" },
      ]);
      expect(index.Projection).toEqual({ ProjectionType: "ALL" });
    }
  });

  it("has the stream (new and old images), TTL on expiresAt and point-in-time recovery", () => {
    for (const template of [prod, dev]) {
      template.hasResourceProperties("AWS::DynamoDB::Table", {
        StreamSpecification: { StreamViewType: "NEW_AND_OLD_IMAGES" },
        TimeToLiveSpecification: { AttributeName: "expiresAt", Enabled: true },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      });
    }
  });

  it("is kept and protected from deletion in production, disposable in other stages", () => {
    const prodTable = onlyResource(prod, "AWS::DynamoDB::Table");
    expect(prodTable.DeletionPolicy).toBe("Retain");
    expect(prodTable.UpdateReplacePolicy).toBe("Retain");
    expect(prodTable.Properties.DeletionProtectionEnabled).toBe(true);
    const devTable = onlyResource(dev, "AWS::DynamoDB::Table");
    expect(devTable.DeletionPolicy).toBe("Delete");
    expect(devTable.Properties.DeletionProtectionEnabled).toBe(false);
  });
});

describe("the feedback photo bucket", () => {
  it("is private, encrypted, TLS-only, expires photos and abandoned uploads, and is kept in production", () => {
    const bucket = onlyResource(prod, "AWS::S3::Bucket");
    expect(bucket.DeletionPolicy).toBe("Retain");
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.Properties.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }],
    });
    const rules = (bucket.Properties.LifecycleConfiguration as { Rules: Record<string, unknown>[] }).Rules;
    expect(rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ExpirationInDays: 730, Status: "Enabled" }),
        expect.objectContaining({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: "Enabled" }),
      ]),
    );
    prod.hasResourceProperties("AWS::S3::BucketPolicy", {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } }),
        ]),
      },
    });
  });

  it("accepts presigned uploads from the Mini App's origins only", () => {
    const cors = onlyResource(prod, "AWS::S3::Bucket").Properties.CorsConfiguration as { CorsRules: Record<string, unknown>[] };
    expect(cors.CorsRules).toEqual([
      expect.objectContaining({ AllowedOrigins: ["https://h5.zdn.vn", "zbrowser://h5.zdn.vn"], AllowedMethods: ["PUT", "GET"] }),
    ]);
  });
});

describe("the secrets", () => {
  it("are one Secrets Manager secret per stage, a JSON field per secret setting, kept in production", () => {
    const secrets = Object.values(prod.findResources("AWS::SecretsManager::Secret")) as {
      Properties: { Name: string; SecretString?: string; GenerateSecretString?: { SecretStringTemplate: string; GenerateStringKey: string } & Record<string, unknown> };
      DeletionPolicy: string;
    }[];
    expect(secrets.map((s) => s.Properties.Name)).toEqual(["motcua/prod/secrets"]);
    const [secret] = secrets;
    expect(secret!.DeletionPolicy).toBe("Retain");
    expect(secret!.Properties.SecretString).toBeUndefined();
    const generate = secret!.Properties.GenerateSecretString!;
    expect(generate).toMatchObject({ PasswordLength: 48, ExcludePunctuation: true });
    expect(secretCatalogue[generate.GenerateStringKey as keyof typeof secretCatalogue].value).toBe("generated");
    // Every other field holds the placeholder until an operator puts the real value; the functions refuse to start on it.
    const template = JSON.parse(generate.SecretStringTemplate) as Record<string, string>;
    expect([...Object.keys(template), generate.GenerateStringKey].sort()).toEqual([...secretNames].sort());
    for (const value of Object.values(template)) expect(value).toBe(unsetSecretValue);
  });
});

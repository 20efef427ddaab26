import { tableDefinition } from "@motcua/functions/adapters/dynamodb/table-definition";
import { unsetSecretValue } from "@motcua/functions/config/secret-env";
import { Duration, RemovalPolicy, Stack, type StackProps } from "aws-cdk-lib";
import { AttributeType, BillingMode, ProjectionType, StreamViewType, Table } from "aws-cdk-lib/aws-dynamodb";
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership } from "aws-cdk-lib/aws-s3";
import { Secret, type ISecret } from "aws-cdk-lib/aws-secretsmanager";
import type { Construct } from "constructs";
import { secretCatalogue, secretNames, type SecretName } from "../secret-catalogue.js";
import type { StageSettings } from "../stage.js";

export interface DataStackProps extends StackProps {
  settings: StageSettings;
}

/** The stateful part: the one table (with its stream), the photo bucket and the secret. Kept in production. */
export class DataStack extends Stack {
  readonly table: Table;
  readonly photoBucket: Bucket;
  /** The secret holding each secret setting (one for all: a JSON field each). */
  readonly secrets: Record<SecretName, ISecret>;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const { settings } = props;
    const removalPolicy = settings.production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    const stringKey = (name: string) => ({ name, type: AttributeType.STRING });

    this.table = new Table(this, "Table", {
      partitionKey: stringKey(tableDefinition.partitionKey),
      sortKey: stringKey(tableDefinition.sortKey),
      billingMode: BillingMode.PAY_PER_REQUEST,
      stream: StreamViewType[tableDefinition.streamViewType],
      timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: settings.production,
      removalPolicy,
    });
    for (const index of tableDefinition.globalSecondaryIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: stringKey(index.partitionKey),
        sortKey: stringKey(index.sortKey),
        projectionType: ProjectionType.ALL,
      });
    }

    // Feedback photos: private; the Mini App uploads and shows them through presigned URLs only.
    this.photoBucket = new Bucket(this, "FeedbackPhotos", {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy,
      lifecycleRules: [
        { id: "expire-photos", expiration: settings.photoRetention },
        { id: "abort-incomplete-uploads", abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      cors: [
        {
          allowedOrigins: settings.corsOrigins,
          allowedMethods: [HttpMethods.PUT, HttpMethods.GET],
          allowedHeaders: ["content-type"],
          maxAge: 3000,
        },
      ],
    });

    // One secret, a JSON field per value: the generated one random at first deploy (alphanumeric: operators paste
    // values into shells), the others a placeholder, not a secret, until an operator puts the real value (the functions
    // refuse to start while a field they load holds it).
    const generated = secretNames.filter((name) => secretCatalogue[name].value === "generated");
    if (generated.length !== 1) throw new Error("CloudFormation generates exactly one field of a secret: one generated value in secret-catalogue.ts");
    const placeholders = Object.fromEntries(secretNames.filter((name) => secretCatalogue[name].value !== "generated").map((name) => [name, unsetSecretValue]));
    const secret = new Secret(this, "Secrets", {
      secretName: `motcua/${settings.stage}/secrets`,
      description: `Secret settings, a JSON field each: ${secretNames.map((name) => `${name} (${secretCatalogue[name].description})`).join("; ")}`.slice(0, 2048),
      removalPolicy,
      generateSecretString: {
        secretStringTemplate: JSON.stringify(placeholders),
        generateStringKey: generated[0]!,
        passwordLength: 48,
        excludePunctuation: true,
        includeSpace: false,
      },
    });
    const secrets: Partial<Record<SecretName, ISecret>> = {};
    for (const name of secretNames) secrets[name] = secret;
    this.secrets = secrets as Record<SecretName, ISecret>;
  }
}

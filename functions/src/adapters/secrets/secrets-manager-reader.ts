import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import type { ReadSecret } from "../../config/secret-env.js";

/** Reads a secret's current string value; a secret without one (binary, or never put) is an error. */
export function secretsManagerReader(client: Pick<SecretsManagerClient, "send">): ReadSecret {
  return async (secretId) => {
    const result = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
    if (typeof result.SecretString !== "string" || result.SecretString.length === 0) {
      throw new Error(`secret ${secretId} has no string value`);
    }
    return result.SecretString;
  };
}

/** The reader a Lambda function uses: one Secrets Manager client in the function's region. */
export function secretsManagerReaderIn(region: string | undefined): ReadSecret {
  return secretsManagerReader(new SecretsManagerClient({ region }));
}

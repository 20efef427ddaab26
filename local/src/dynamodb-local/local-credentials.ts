/** DynamoDB Local accepts any credentials; fixed dummy ones keep the SDK from searching for real ones. */
export const localCredentials = { accessKeyId: "local", secretAccessKey: "local" } as const;

import { receivesAnnouncements, type CitizenProfile } from "../../domain/citizen.js";
import type { AnnouncementSubscriberPage, CitizenRepository, FollowState, VerifiedPhone } from "../../ports/citizen-repository.js";
import type { PhoneHasher } from "../../ports/phone-hasher.js";
import { citizenFromItem } from "./citizen-items.js";
import { itemTypes, keys } from "./keys.js";
import { indexNames } from "./table-definition.js";
import { unlessConditionFails, type Table } from "./table.js";

export class DynamoDbCitizenRepository implements CitizenRepository {
  constructor(
    private readonly table: Table,
    private readonly phoneHasher: PhoneHasher,
  ) {}

  async get(zaloAppUserId: string): Promise<CitizenProfile | null> {
    const item = await this.table.get(keys.citizen(zaloAppUserId));
    return item ? citizenFromItem(item) : null;
  }

  async recordFollowState(state: FollowState): Promise<"recorded" | "older_than_recorded"> {
    const result = await unlessConditionFails(
      this.table.update({
        Key: keys.citizen(state.zaloAppUserId),
        UpdateExpression:
          "SET #type = :type, zaloAppUserId = :appId, zaloOaUserId = :oaId, isFollower = :follower, followerStateAt = :at, " +
          "createdAt = if_not_exists(createdAt, :at), updatedAt = :at" +
          // An unfollow leaves the subscriber index at once; a follow joins it below if the citizen opted in.
          (state.isFollower ? "" : " REMOVE GSI2PK, GSI2SK"),
        ConditionExpression: "attribute_not_exists(followerStateAt) OR followerStateAt <= :at",
        ExpressionAttributeNames: { "#type": "type" },
        ExpressionAttributeValues: {
          ":type": itemTypes.citizen,
          ":appId": state.zaloAppUserId,
          ":oaId": state.zaloOaUserId,
          ":follower": state.isFollower,
          ":at": state.at,
        },
        ReturnValues: "ALL_NEW",
      }),
    );
    if (!result) return "older_than_recorded";
    if (state.isFollower && result.Attributes && result.Attributes["GSI2PK"] === undefined) {
      if (receivesAnnouncements(citizenFromItem(result.Attributes))) await this.joinSubscriberIndex(state.zaloAppUserId);
    }
    return "recorded";
  }

  async recordVerifiedPhone(verified: VerifiedPhone): Promise<void> {
    const index = keys.citizenByPhone(this.phoneHasher.hash(verified.phone), verified.zaloAppUserId);
    await this.table.update({
      Key: keys.citizen(verified.zaloAppUserId),
      UpdateExpression:
        "SET #type = :type, zaloAppUserId = :appId, verifiedPhone = :phone, phoneVerifiedAt = :at, phoneConsentAt = :at, " +
        "GSI1PK = :gsi1pk, GSI1SK = :gsi1sk, createdAt = if_not_exists(createdAt, :at), updatedAt = :at",
      ExpressionAttributeNames: { "#type": "type" },
      ExpressionAttributeValues: {
        ":type": itemTypes.citizen,
        ":appId": verified.zaloAppUserId,
        ":phone": verified.phone,
        ":at": verified.at,
        ":gsi1pk": index.GSI1PK,
        ":gsi1sk": index.GSI1SK,
      },
    });
  }

  async removeVerifiedPhone(zaloAppUserId: string, at: string): Promise<CitizenProfile | null> {
    const result = await unlessConditionFails(
      this.table.update({
        Key: keys.citizen(zaloAppUserId),
        UpdateExpression:
          "SET verifiedPhone = :null, phoneVerifiedAt = :null, phoneConsentAt = :null, phoneConsentWithdrawnAt = :at, updatedAt = :at " +
          "REMOVE GSI1PK, GSI1SK",
        ConditionExpression: "attribute_exists(PK)",
        ExpressionAttributeValues: { ":null": null, ":at": at },
        ReturnValues: "ALL_NEW",
      }),
    );
    return result?.Attributes ? citizenFromItem(result.Attributes) : null;
  }

  async findByVerifiedPhone(normalisedPhone: string): Promise<CitizenProfile[]> {
    const result = await this.table.query({
      IndexName: indexNames.gsi1,
      KeyConditionExpression: "GSI1PK = :pk AND begins_with(GSI1SK, :citizens)",
      ExpressionAttributeValues: { ":pk": keys.phonePartition(this.phoneHasher.hash(normalisedPhone)), ":citizens": "CITIZEN#" },
    });
    return (result.Items ?? []).map(citizenFromItem);
  }

  async setAnnouncementSubscription(zaloAppUserId: string, subscribed: boolean, at: string): Promise<CitizenProfile> {
    const result = await this.table.update({
      Key: keys.citizen(zaloAppUserId),
      UpdateExpression:
        "SET #type = :type, zaloAppUserId = :appId, announcementsSubscribed = :subscribed, announcementsSubscriptionAt = :at, " +
        "createdAt = if_not_exists(createdAt, :at), updatedAt = :at" +
        (subscribed ? "" : " REMOVE GSI2PK, GSI2SK"),
      ExpressionAttributeNames: { "#type": "type" },
      ExpressionAttributeValues: { ":type": itemTypes.citizen, ":appId": zaloAppUserId, ":subscribed": subscribed, ":at": at },
      ReturnValues: "ALL_NEW",
    });
    const profile = citizenFromItem(result.Attributes ?? {});
    if (subscribed && receivesAnnouncements(profile)) await this.joinSubscriberIndex(zaloAppUserId);
    return profile;
  }

  async listAnnouncementSubscribers(request: { after: string | null; limit: number }): Promise<AnnouncementSubscriberPage> {
    const result = await this.table.query({
      IndexName: indexNames.gsi2,
      KeyConditionExpression: request.after ? "GSI2PK = :pk AND GSI2SK > :after" : "GSI2PK = :pk",
      ExpressionAttributeValues: {
        ":pk": keys.announcementSubscribersPartition,
        ...(request.after ? { ":after": request.after } : {}),
      },
      Limit: request.limit,
    });
    const zaloAppUserIds = (result.Items ?? []).map((item) => citizenFromItem(item).zaloAppUserId);
    return { zaloAppUserIds, next: result.LastEvaluatedKey ? (zaloAppUserIds[zaloAppUserIds.length - 1] ?? null) : null };
  }

  async countAnnouncementSubscribers(): Promise<number> {
    let count = 0;
    for await (const page of this.table.queryPages({
      IndexName: indexNames.gsi2,
      KeyConditionExpression: "GSI2PK = :pk",
      ExpressionAttributeValues: { ":pk": keys.announcementSubscribersPartition },
      Select: "COUNT",
    })) {
      count += page.Count ?? 0;
    }
    return count;
  }

  /**
   * Second write of a follow or an opt-in: joins the index only if, at this moment, the citizen is still opted in
   * and following; an opt-out or unfollow that lands in between removes the key and makes this condition fail.
   */
  private async joinSubscriberIndex(zaloAppUserId: string): Promise<void> {
    const index = keys.announcementSubscriber(zaloAppUserId);
    await unlessConditionFails(
      this.table.update({
        Key: keys.citizen(zaloAppUserId),
        UpdateExpression: "SET GSI2PK = :pk, GSI2SK = :sk",
        ConditionExpression: "announcementsSubscribed = :true AND isFollower = :true AND attribute_type(zaloOaUserId, :string)",
        ExpressionAttributeValues: { ":pk": index.GSI2PK, ":sk": index.GSI2SK, ":true": true, ":string": "S" },
      }),
    );
  }
}

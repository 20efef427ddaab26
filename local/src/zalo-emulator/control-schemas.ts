import { z } from "zod";
import { zaloUserIdPattern } from "./ids.js";
import { normalisePhoneNumber } from "./phone-number.js";

const zaloUserId = z.string().regex(zaloUserIdPattern, "must be a numeric string of 16 to 19 digits");

export const createUserBody = z.object({
  name: z.string().trim().min(1, "name is required").max(100),
  phone: z
    .string()
    .transform((value, ctx) => {
      const phone = normalisePhoneNumber(value.trim());
      if (!phone) ctx.addIssue({ code: "custom", message: "phone must be 0xxxxxxxxx, 84xxxxxxxxx or +84xxxxxxxxx" });
      return phone ?? value;
    })
    .optional(),
  follower: z.boolean().optional(),
  zaloAppUserId: zaloUserId.optional(),
  zaloOaUserId: zaloUserId.optional(),
});

export const accessTokenBody = z.object({ accessToken: z.string().min(1) });

export const followBody = z.object({ follower: z.boolean() });

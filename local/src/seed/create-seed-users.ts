import { z } from "zod";
import { seedAdmin, seedCitizen, seedOfficer, seedSecondCitizen, type SeedPerson } from "./seed-people.js";

export interface SeedUser {
  name: string;
  phone: string;
  zaloAppUserId: string;
  zaloOaUserId: string;
  accessToken: string;
}

export interface SeedUsers {
  citizen: SeedUser;
  secondCitizen: SeedUser;
  admin: SeedUser;
  officer: SeedUser;
}

const createdUser = z.object({ zaloAppUserId: z.string(), zaloOaUserId: z.string(), accessToken: z.string() });

/** Creates the demo Zalo users at the emulator, with fixed app-scoped ids, and returns their tokens. */
export async function createSeedUsers(zaloEmulatorUrl: string): Promise<SeedUsers> {
  return {
    citizen: await createUser(zaloEmulatorUrl, seedCitizen),
    secondCitizen: await createUser(zaloEmulatorUrl, seedSecondCitizen),
    admin: await createUser(zaloEmulatorUrl, seedAdmin),
    officer: await createUser(zaloEmulatorUrl, seedOfficer),
  };
}

async function createUser(zaloEmulatorUrl: string, person: SeedPerson): Promise<SeedUser> {
  const response = await fetch(`${zaloEmulatorUrl}/_emulator/users`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      name: person.name,
      phone: person.phone,
      follower: person.follower,
      zaloAppUserId: person.zaloAppUserId,
    }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`Zalo emulator refused user ${person.name}: HTTP ${response.status} ${text}`);
  const user = createdUser.parse(JSON.parse(text));
  return { name: person.name, phone: person.phone, ...user };
}

import { randomSessionTokens, scryptPasswordHasher } from "../../adapters/crypto/scrypt-password-hasher.js";
import { DynamoDbProcedureRepository } from "../../adapters/dynamodb/dynamodb-procedure-repository.js";
import { randomIds } from "../../adapters/system/random-ids.js";
import { rememberingAgencyNames } from "../../use-cases/agency-names.js";
import { applyDossierEventUseCase } from "../../use-cases/apply-dossier-event.js";
import { procedureCatalogue } from "../../use-cases/procedure-catalogue.js";
import { shared, type Base } from "./base.js";
import { agencyDirectoryOf, dossiersOf, syncCredentialsOf } from "./repository-parts.js";

/** The procedure catalogue: searched by citizens (api), replaced by the one-stop system (ingest). */
export function catalogueOf(base: Base) {
  return shared(base, "catalogueOf", ({ table, config, clock }) =>
    procedureCatalogue({
      procedures: new DynamoDbProcedureRepository(table),
      clock,
      cacheSeconds: config.procedureCacheSeconds,
    }));
}

/** Ingest (native and dialect) records each agency's name, so staff screens show names, not codes. */
export function ingestDossiersOf(base: Base) {
  return shared(base, "ingestDossiersOf", (base) => rememberingAgencyNames(dossiersOf(base), { directory: agencyDirectoryOf(base), clock: base.clock, log: base.log }));
}

export function applyEventOf(base: Base) {
  return shared(base, "applyEventOf", (base) =>
    applyDossierEventUseCase({ dossiers: ingestDossiersOf(base), clock: base.clock, ids: randomIds, maxFutureSkewSeconds: base.config.ingestMaxFutureSkewSeconds }),
  );
}

/** The national sync dialect's logins: stored credentials, the configured first one, how passwords are hashed. */
export function syncLoginSetupOf(base: Base) {
  return shared(base, "syncLoginSetupOf", (base) => {
    const first = base.config.dvcqgSync.firstCredential;
    return {
      credentials: syncCredentialsOf(base),
      hasher: scryptPasswordHasher(),
      tokens: randomSessionTokens,
      configured: first ? { ...first, disabled: false, createdAt: "1970-01-01T00:00:00.000Z", updatedAt: "1970-01-01T00:00:00.000Z" } : null,
    };
  });
}

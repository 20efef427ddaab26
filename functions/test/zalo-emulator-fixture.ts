// The Zalo emulator with a hand-moved clock, for integration tests of the Zalo adapters.
export { emulatorForThisFile, fixtureConfig, startEmulatorFixture, type EmulatorFixture } from "../../local/src/zalo-emulator/emulator-fixture.js";

// Regenerates fixtures/*.json from the payload builders (`npx tsx scripts/shopify-simulator/write-fixtures.ts`).
import { writeFileSync } from "node:fs";
import { buildFixturePayloads, FIXTURE_TOPICS, fixtureFileName } from "./payloads/build-fixture-payloads.js";

export function writeFixtures(directory: URL = new URL("./fixtures/", import.meta.url)): string[] {
  const payloads = buildFixturePayloads();
  return FIXTURE_TOPICS.map((topic) => {
    const file = new URL(fixtureFileName(topic), directory);
    writeFileSync(file, `${JSON.stringify(payloads[topic], null, 2)}\n`);
    return file.pathname;
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const path of writeFixtures()) process.stdout.write(`wrote ${path}\n`);
}

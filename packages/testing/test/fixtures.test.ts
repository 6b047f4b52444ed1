// Fixture values pass the spec's own schemas: checked with Ajv against the spec document the types package ships
// (its $refs, not the kit's generated copy), so a fixture the API would reject fails here.
import spec from "@realtimekit-api/types/openapi.json" with { type: "json" };
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { createFixtures, fixtures } from "./support/kit.ts";

const ajv = new Ajv.default({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema(spec, "spec");

/** The spec's schema a factory is named after: `participant` → `realtimekit_Participant`. */
function specSchemaName(factory: string): string {
  const names = Object.keys(spec.components.schemas).filter((name) => name.startsWith("realtimekit_"));
  const found = names.filter(
    (name) =>
      name
        .slice("realtimekit_".length)
        .toLowerCase()
        .replace(/[^a-z0-9]/g, "") === factory.toLowerCase(),
  );
  expect(found, `one spec schema for ${factory}`).toHaveLength(1);
  return found[0]!;
}

const FACTORIES = Object.keys(fixtures) as (keyof typeof fixtures)[];

describe("fixtures", () => {
  it("has a factory per named schema the operations use", () => {
    expect(FACTORIES.length).toBeGreaterThan(40);
    expect(FACTORIES).toContain("participant");
    expect(FACTORIES).toContain("meeting");
  });

  it.each(FACTORIES)("%s produces values the spec's schema accepts", (factory) => {
    const validate = ajv.getSchema(`spec#/components/schemas/${specSchemaName(factory)}`)!;
    for (const seed of [1, 2, 3]) {
      const value = (createFixtures(seed)[factory] as () => unknown)();
      expect(validate(value) ? [] : validate.errors).toEqual([]);
    }
  });

  it("sets the fields given", () => {
    const ada = fixtures.participant({ name: "Ada", preset_name: "host" });
    expect(ada).toMatchObject({ name: "Ada", preset_name: "host" });
    expect(typeof ada.id).toBe("string");
  });

  it("is deterministic by seed: the same sequence for the same seed, another for another", () => {
    const sequence = (seed: number) => {
      const made = createFixtures(seed);
      return [made.participant(), made.participant(), made.meeting()];
    };
    expect(sequence(9)).toEqual(sequence(9));
    expect(sequence(9)).not.toEqual(sequence(10));
    const [first, second] = sequence(9);
    expect(first).not.toEqual(second);
  });

  it("gives each factory its own sequence, whatever else was made before", () => {
    const fresh = createFixtures(4).meeting();
    const busy = createFixtures(4);
    busy.participant();
    busy.participant();
    expect(busy.meeting()).toEqual(fresh);
  });
});

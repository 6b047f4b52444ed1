// Fixture factories, one per named schema the operations use: values that pass the spec's schema, typed from
// @realtimekit-api/types, with the fields a test cares about given.
import { generateValue } from "./generate-value.ts";
import { FIXTURE_SCHEMAS, type FixtureTypes } from "./generated/fixtures.ts";
import { hash, seededRandom } from "./random.ts";

export type { FixtureTypes } from "./generated/fixtures.ts";

/**
 * `fixtures.participant({ name: "Ada" })`: a valid `Participant`, with `name` as given. Factories of a schema
 * that is not an object (`fixtures.appId()`) take no fields.
 */
export type Fixtures = {
  readonly [Name in keyof FixtureTypes]: FixtureTypes[Name] extends Record<string, unknown>
    ? (fields?: Partial<FixtureTypes[Name]>) => FixtureTypes[Name]
    : () => FixtureTypes[Name];
};

/**
 * A fresh set of factories. Each factory has its own sequence from `seed`: its n-th value is the same in every
 * run, whatever else was generated before it.
 */
export function createFixtures(seed = 1): Fixtures {
  return Object.fromEntries(
    Object.entries(FIXTURE_SCHEMAS).map(([name, schema]) => {
      const random = seededRandom(seed ^ hash(name));
      return [
        name,
        (fields?: object) => {
          const value = generateValue(schema, random);
          return value !== null && typeof value === "object" && !Array.isArray(value) ? { ...value, ...fields } : value;
        },
      ];
    }),
  ) as Fixtures;
}

/** Factories seeded with 1, shared by a test file; use `createFixtures` for a sequence of your own. */
export const fixtures: Fixtures = createFixtures();

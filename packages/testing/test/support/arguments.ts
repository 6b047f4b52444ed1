// Arguments for every operation, generated from the spec's parameter and body schemas (seeded). The client
// validates them against its own tables before sending, so an argument the spec does not accept fails the test
// that uses it rather than passing unnoticed.
import { generateValue } from "../../src/generate-value.ts";
import { OPERATIONS } from "../../src/generated/operations.ts";
import type { OperationSpec } from "../../src/operation-spec.ts";
import { seededRandom } from "../../src/random.ts";

export const OPERATION_NAMES = Object.keys(OPERATIONS) as (keyof typeof OPERATIONS)[];

export function validArguments(name: string, seed = 3): Record<string, unknown> {
  const operation = (OPERATIONS as Record<string, OperationSpec>)[name]!;
  const random = seededRandom(seed);
  const args: Record<string, unknown> = {};
  for (const parameter of operation.parameters) {
    if (parameter.required) args[parameter.name] = generateValue(parameter.schema, random);
  }
  if (operation.body) args.body = generateValue(operation.body.schema, random);
  return args;
}

export const operationSpec = (name: string) => (OPERATIONS as Record<string, OperationSpec>)[name]!;

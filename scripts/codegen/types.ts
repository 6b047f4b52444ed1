// Generates @realtimekit-api/types from the spec: the openapi-typescript output, and the spec as JSON.
import { readFileSync } from "node:fs";
import openapiTS, { astToString } from "openapi-typescript";
import { banner, REPO_ROOT, SPEC_FILE, writeGenerated } from "./generated-file.ts";

const specText = readFileSync(SPEC_FILE, "utf8");
// alphabetize: the output's order follows names, not upstream's order, so it changes only when content does.
const ast = await openapiTS(JSON.parse(specText), { alphabetize: true });
const packageDir = `${REPO_ROOT}packages/types/`;
writeGenerated({
  [`${packageDir}src/generated/openapi.ts`]: `${banner("scripts/codegen/types.ts (openapi-typescript)")}\n${astToString(ast)}`,
  // Shipped as @realtimekit-api/types/openapi.json: the exact document the types were generated from.
  [`${packageDir}openapi.json`]: specText,
});

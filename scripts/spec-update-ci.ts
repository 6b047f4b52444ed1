// pnpm spec:update:ci <upstream https URL or file> [--date YYYY-MM-DD] [--base <spec file>]
// `pnpm spec:update` for the spec-update workflow: the same update, then its results for the next steps —
// bump, and the pull request's title and body — in $GITHUB_OUTPUT (printed when that is not set).
import { resolve } from "node:path";
import { writeGithubOutputs } from "./lib/github-output.ts";
import { parseSpecUpdateArgs } from "./lib/spec-update-args.ts";
import { specUpdatePullRequest } from "./lib/spec-update-pull-request.ts";
import { describeNaming } from "./lib/sync-spec.ts";
import { updateSpec } from "./lib/update-spec.ts";

const { source, ...options } = parseSpecUpdateArgs("spec:update:ci");
try {
  const update = await updateSpec(resolve(import.meta.dirname, ".."), source, options);
  console.log(`against ${update.against}: ${update.bump}`);
  for (const line of describeNaming(update.naming)) console.warn(line);
  writeGithubOutputs({ bump: update.bump, ...specUpdatePullRequest(update) });
} catch (error) {
  console.error(`spec:update:ci: ${(error as Error).message}`);
  process.exit(1);
}

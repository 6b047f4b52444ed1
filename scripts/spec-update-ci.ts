// pnpm spec:update:ci <upstream https URL or file> [--date YYYY-MM-DD] [--base <spec file>]
// `pnpm spec:update` for the spec-update workflow: the same update, then its results for the next steps —
// bump, and the pull request's title and body — in $GITHUB_OUTPUT (printed when that is not set).
import { writeGithubOutputs } from "./lib/github-output.ts";
import { runSpecUpdate } from "./lib/spec-update-command.ts";
import { specUpdatePullRequest } from "./lib/spec-update-pull-request.ts";

await runSpecUpdate("spec:update:ci", (update) => {
  console.log(`against ${update.against}: ${update.bump}`);
  writeGithubOutputs({ bump: update.bump, ...specUpdatePullRequest(update) });
});

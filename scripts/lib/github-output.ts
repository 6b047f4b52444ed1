import { randomUUID } from "node:crypto";
import { appendFileSync } from "node:fs";

/**
 * Hands named results to the next steps of a GitHub Actions job by appending them to the file `$GITHUB_OUTPUT`
 * names; without that file (run by hand), prints them. Each value is written in the multi-line form with a
 * delimiter that cannot occur in it, so a body with newlines or `=` arrives whole.
 */
export function writeGithubOutputs(values: Record<string, string>, file = process.env.GITHUB_OUTPUT): void {
  if (!file) {
    for (const [name, value] of Object.entries(values)) {
      console.log(value.includes("\n") ? `${name}:\n${value}` : `${name}: ${value}`);
    }
    return;
  }
  const lines = Object.entries(values).map(([name, value]) => {
    const delimiter = `EOF_${randomUUID()}`;
    return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
  });
  appendFileSync(file, lines.join(""));
}

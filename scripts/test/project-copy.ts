import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";

const ROOT = new URL("../../", import.meta.url).pathname;

/**
 * Copies the project's files (tracked, or untracked and not ignored) into `to` as a fresh git repository and
 * installs its dependencies from the local pnpm store, so release tests can version and publish a real copy
 * without touching the working tree. `--offline`: everything needed is already in the store.
 */
export function copyProject(to: string): void {
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: ROOT,
    encoding: "utf8",
  })
    .split("\0")
    .filter((file) => file && existsSync(join(ROOT, file)));
  for (const file of files) {
    mkdirSync(dirname(join(to, file)), { recursive: true });
    cpSync(join(ROOT, file), join(to, file), { force: true, errorOnExist: false, dereference: false });
  }
  const run = (command: string, args: string[]) => execFileSync(command, args, { cwd: to, stdio: "pipe" });
  run("git", ["init", "-q", "-b", "main"]);
  run("git", ["add", "-A"]);
  run("git", ["-c", "user.name=release-test", "-c", "user.email=release-test@localhost", "commit", "-qm", "copy"]);
  run("pnpm", ["install", "--offline", "--frozen-lockfile"]);
}

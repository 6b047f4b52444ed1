import { startPrismMock } from "@realtimekit-api/test-servers/prism";
import type { TestProject } from "vitest/node";
import { ensureFreshBuild } from "./support/built-client.ts";

declare module "vitest" {
  export interface ProvidedContext {
    prismBaseUrl: string;
  }
}

/**
 * One Prism mock of the spec (static examples) for the whole run, on a free 127.0.0.1 port; and a current
 * dist/, which the dual-build, process-exit and browser tests load.
 */
export default async function setup(project: TestProject) {
  ensureFreshBuild();
  const prism = await startPrismMock();
  project.provide("prismBaseUrl", prism.baseUrl);
  return () => prism.stop();
}

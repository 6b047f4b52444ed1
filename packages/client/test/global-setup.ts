import type { TestProject } from "vitest/node";
import { startPrismMock } from "../../../scripts/lib/prism.ts";

declare module "vitest" {
  export interface ProvidedContext {
    prismBaseUrl: string;
  }
}

/** One Prism mock of the spec (static examples) for the whole run, on a free 127.0.0.1 port. */
export default async function setup(project: TestProject) {
  const prism = await startPrismMock();
  project.provide("prismBaseUrl", prism.baseUrl);
  return () => prism.stop();
}

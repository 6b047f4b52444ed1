import createClientExport from "openapi-fetch";

export type { Client, Middleware } from "openapi-fetch";

/**
 * openapi-fetch's `createClient`, in both builds. openapi-fetch has only a default export; our CJS build
 * requires its CJS file, whose default the bundler's Node-style interop hands back as the whole
 * `module.exports` object rather than the function, so it is unwrapped here.
 */
export const createClient: typeof createClientExport =
  typeof createClientExport === "function"
    ? createClientExport
    : (createClientExport as { default: typeof createClientExport }).default;

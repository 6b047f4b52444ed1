// The kit as consumers get it: the ESM file package.json's exports map names, loaded by Node itself.
export * from "../../dist/index.mjs";

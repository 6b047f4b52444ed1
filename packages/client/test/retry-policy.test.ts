// The write-retry rule on its own: which failures of a POST or PATCH may be retried. write-retries.test.ts shows
// it through the client against a real server; this pins the rule's edges.
import { describe, expect, it } from "vitest";
import { mayRetry } from "../src/retry-policy.ts";

describe("mayRetry", () => {
  it.each([
    ["a refused connection", { retryable: true, code: "ECONNREFUSED" }, true],
    ["a host not found", { retryable: true, code: "ENOTFOUND" }, true],
    ["a lookup to try again", { retryable: true, code: "EAI_AGAIN" }, true],
    ["a 429", { retryable: true, status: 429 }, true],
    ["a reset: the server may have acted", { retryable: true, code: "ECONNRESET" }, false],
    ["a code that only ends like a refused connection", { retryable: true, code: "UND_ECONNREFUSED" }, false],
    ["a code that only starts like one", { retryable: true, code: "ECONNREFUSED_LATER" }, false],
    ["no code at all (a browser's failed fetch)", { retryable: true }, false],
    ["a 503", { retryable: true, status: 503 }, false],
    ["a failure that is not retryable, even refused", { retryable: false, code: "ECONNREFUSED" }, false],
  ])("a write after %s: %s", (_case, failure, expected) => {
    expect(mayRetry(failure, false)).toBe(expected);
  });

  it("an idempotent call retries whatever is retryable, and nothing else", () => {
    expect(mayRetry({ retryable: true, code: "ECONNRESET" }, true)).toBe(true);
    expect(mayRetry({ retryable: true, status: 503 }, true)).toBe(true);
    expect(mayRetry({ retryable: false, status: 400 }, true)).toBe(false);
  });
});

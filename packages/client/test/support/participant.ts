import docsPageExample from "../fixtures/docs-page-example.json" with { type: "json" };

/** The spec's success envelope, optionally with a different participant in it. */
export const successBody = (data: Record<string, unknown> = {}) => ({
  success: true,
  data: { ...docsPageExample.data, ...data },
});

export const successJson = (data?: Record<string, unknown>) => JSON.stringify(successBody(data));

/** The web client's types are generated from the OpenAPI document; CI fails when a route's schema changed without `npm run api:types`. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_SCHEMA_PATH, apiSchemaSource, openApiDocument } from '../../scripts/api-types';

describe('web API types', () => {
  it('src/core/web/api.schema.ts is the OpenAPI document as it is today (run `npm run api:types` after changing a route)', async () => {
    const doc = await openApiDocument();
    const source = await apiSchemaSource(doc);
    expect(source).toBe(readFileSync(API_SCHEMA_PATH, 'utf8'));
    // Every published path is typed, and the file declares types only: it adds nothing to the bundle.
    for (const p of Object.keys(doc.paths as object)) expect(source).toContain(`"${p}": {`);
    expect(source).not.toMatch(/^export (const|function|class|let|var|enum) /m);
  }, 120_000);
});

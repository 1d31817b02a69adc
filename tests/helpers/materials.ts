import type { TestApp } from './harness';

/**
 * Every material of an item's published guide, as handed in on paper at a counter (or listed online):
 * a required material can no longer be left out of a filing, so tests that file an application say
 * what was handed in.
 */
export async function handedIn(t: TestApp, itemId: string): Promise<{ name: string; provided: boolean }[]> {
  const g = (await t.anon().get(`/api/public/catalog/${itemId}`)).body as { materials: { name: string }[] };
  return g.materials.map((m) => ({ name: m.name, provided: true }));
}

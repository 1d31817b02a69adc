/**
 * Domains plug in by existing: every src/domains/<name>/server/index.ts default-exports a DomainModule.
 * Adding a domain never edits the kernel or this file.
 */
import { readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DomainModule } from '../../core/server/kernel';
import { kernelModule } from '../../core/server/kernel.module';

const DOMAINS_DIR = resolve(import.meta.dirname, '../../domains');

export async function loadDomains(): Promise<DomainModule[]> {
  const found: DomainModule[] = [kernelModule];
  if (!existsSync(DOMAINS_DIR)) return found;
  for (const name of readdirSync(DOMAINS_DIR).sort()) {
    const entry = join(DOMAINS_DIR, name, 'server', 'index.ts');
    if (!existsSync(entry)) continue;
    const mod = (await import(pathToFileURL(entry).href)) as { default: DomainModule };
    found.push(mod.default);
  }
  return found;
}

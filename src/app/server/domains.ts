/**
 * Domains plug in by existing: every src/domains/<name>/server/index.ts default-exports a DomainModule.
 * Adding a domain never edits the kernel or this file.
 */
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DomainModule } from '../../core/server/kernel';
import { kernelModule } from '../../core/server/kernel.module';
import { DOMAIN_ENTRY, DOMAINS_DIR } from '../../core/server/paths';

export async function loadDomains(): Promise<DomainModule[]> {
  const found: DomainModule[] = [kernelModule];
  if (!existsSync(DOMAINS_DIR)) return found;
  for (const name of readdirSync(DOMAINS_DIR).sort()) {
    const entry = join(DOMAINS_DIR, name, DOMAIN_ENTRY);
    if (!existsSync(entry)) continue;
    const mod = (await import(pathToFileURL(entry).href)) as { default: DomainModule };
    found.push(mod.default);
  }
  return found;
}

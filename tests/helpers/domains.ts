import { loadDomains } from '../../src/app/server/domains';
import { permitDomain, permitWatcherDomain } from '../fixtures/permit.domain';

/** The real domains plus the kernel's fixture case type. */
export async function testDomains() {
  return [...(await loadDomains()), permitDomain, permitWatcherDomain];
}

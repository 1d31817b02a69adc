import { createContext, useContext, type ReactNode } from 'react';
import type { Me } from '../shared/schemas';

const MeContext = createContext<Me | null>(null);

export function MeProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <MeContext.Provider value={me}>{children}</MeContext.Provider>;
}

export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe outside MeProvider');
  return me;
}

export const hasPermission = (me: Me | null, p?: string | string[]) =>
  !p || (me !== null && (Array.isArray(p) ? p.some((x) => me.permissions.includes(x)) : me.permissions.includes(p)));

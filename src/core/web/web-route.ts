import type { ReactNode } from 'react';

/** A page a domain contributes to the shell: its path, menu name and the permission that shows it. */
export type WebRoute = {
  path: string;
  name: string;
  element: ReactNode;
  icon?: ReactNode;
  /** Shown in the menu and reachable only with this permission (any of, when an array). */
  permission?: string | string[];
  hideInMenu?: boolean;
  /** Menu group, e.g. '政务服务', '法治政府', '系统管理'. */
  group?: string;
  /** Public pages (citizens) render without the staff layout and without login. */
  public?: boolean;
};

/**
 * Built-in roles. The three administrator roles are separated (三员分立, GB/T 22239-2019 8.1.4.2: 管理用户
 * 的权限分离): the system administrator runs divisions, orgs and the calendar; the security administrator
 * manages accounts and their roles; the audit administrator reads and verifies the audit trail. None of
 * them handles cases. Domains add their permissions to these roles (and may add roles) in their index.ts.
 */
import type { Tx } from './db/db';
import type { DomainModule } from './contract';
import * as repo from './tenancy.repository';

export const KERNEL_PERMISSIONS: Record<string, string> = {
  'tenancy.read': '查看区划和机构',
  'tenancy.manage': '维护区划和机构',
  'user.read': '查看用户',
  'user.manage': '管理用户和角色',
  'user.unlock': '解锁账号',
  'calendar.read': '查看节假日安排',
  'calendar.manage': '维护节假日安排',
  'audit.read': '查看审计日志',
  'metrics.read': '查看统计指标',
};

export type RoleSpec = { key: string; name: string; scope: 'org' | 'division' | 'self'; description: string; permissions: string[] };

export const KERNEL_ROLES: RoleSpec[] = [
  { key: 'sysadmin', name: '系统管理员', scope: 'division', description: '维护区划、机构、节假日安排等系统配置（三员之一）', permissions: ['tenancy.read', 'tenancy.manage', 'calendar.read', 'calendar.manage', 'user.read'] },
  { key: 'secadmin', name: '安全管理员', scope: 'division', description: '管理账号、角色授权与解锁（三员之一）', permissions: ['user.read', 'user.manage', 'user.unlock', 'tenancy.read'] },
  { key: 'auditadmin', name: '审计管理员', scope: 'division', description: '查看和核验审计日志（三员之一）', permissions: ['audit.read'] },
  { key: 'leader', name: '领导', scope: 'division', description: '查看本区划的办件、统计和驾驶舱，审批延期', permissions: ['metrics.read', 'calendar.read'] },
  { key: 'director', name: '部门负责人', scope: 'org', description: '本单位负责人：审批延期、签发决定', permissions: ['metrics.read', 'calendar.read'] },
  { key: 'clerk', name: '窗口人员', scope: 'org', description: '政务服务窗口收件、受理、出件', permissions: ['calendar.read'] },
  { key: 'reviewer', name: '审核人员', scope: 'org', description: '部门业务审核、审批', permissions: ['calendar.read'] },
  { key: 'applicant', name: '办事群众和企业', scope: 'self', description: '公众账号：只能看到本人（本企业）的办件', permissions: [] },
];

export function roleSpecs(domains: DomainModule[]): RoleSpec[] {
  const specs = new Map(KERNEL_ROLES.map((r) => [r.key, { ...r, permissions: [...r.permissions] }]));
  // Every domain's roles first, then the grants: a domain may grant to a role another domain declares
  // (litigation to the justice bureau's 合法性审查员 of major-decisions), whichever loads first.
  for (const d of domains) for (const r of d.roles ?? []) if (!specs.has(r.key)) specs.set(r.key, { ...r, permissions: [] });
  for (const d of domains) {
    for (const [role, perms] of Object.entries(d.grants ?? {})) {
      const spec = specs.get(role);
      if (!spec) throw new Error(`domain ${d.name} grants to unknown role ${role}`);
      spec.permissions.push(...perms);
    }
  }
  return [...specs.values()].map((s) => ({ ...s, permissions: [...new Set(s.permissions)].sort() }));
}

/** Makes the roles table match the code at boot (roles are declared, not edited by hand). */
export async function syncRoles(tx: Tx, domains: DomainModule[]) {
  for (const r of roleSpecs(domains)) await repo.upsertRole(tx, r);
}

export function permissionLabels(domains: DomainModule[]): Record<string, string> {
  return Object.assign({}, KERNEL_PERMISSIONS, ...domains.map((d) => d.permissions ?? {}));
}

import { Tag, Tooltip } from 'antd';
import type { DeadlineBadge as Badge } from '../shared/schemas';

const STATE_COLORS: Record<string, string> = { default: 'default', processing: 'processing', success: 'success', warning: 'warning', error: 'error' };

/** A case state as the machine labels it. */
export function StatusTag({ name, color }: { name: string; color?: string }) {
  return <Tag color={STATE_COLORS[color ?? 'default'] ?? 'default'}>{name}</Tag>;
}

const LEVEL_COLORS: Record<Badge['level'], string> = { normal: 'blue', warning: 'orange', today: 'volcano', overdue: 'red', paused: 'default', stopped: 'green' };

/** 剩余N个工作日 / 今日到期 / 已超期N个工作日 — the label comes from the server, which knows the calendar. */
export function DeadlineBadge({ badge, dueDate }: { badge: Badge | null; dueDate?: string | null }) {
  if (!badge) return <span>—</span>;
  const tag = <Tag color={LEVEL_COLORS[badge.level]} data-level={badge.level}>{badge.label}</Tag>;
  return dueDate ? <Tooltip title={`到期日 ${dueDate}`}>{tag}</Tooltip> : tag;
}

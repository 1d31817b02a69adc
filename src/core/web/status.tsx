import { Tag, Tooltip } from 'antd';
import type { DeadlineBadge as Badge } from '../shared/schemas';

const STATE_COLORS: Record<string, string> = { default: 'default', processing: 'processing', success: 'success', warning: 'warning', error: 'error' };

/** A case state as the machine labels it. */
export function StatusTag({ name, color }: { name: string; color?: string }) {
  return <Tag color={STATE_COLORS[color ?? 'default'] ?? 'default'}>{name}</Tag>;
}

const LEVEL_COLORS: Record<Badge['level'], string> = { normal: 'blue', warning: 'orange', today: 'volcano', overdue: 'red', paused: 'default', stopped: 'green' };

/**
 * 剩余N个工作日 / 今日到期 / 已超期N个工作日 — the label comes from the server, which knows the calendar.
 * A provisional due date (next year's holidays unpublished) is dashed and says 预计 and why.
 */
export function DeadlineBadge({ badge, dueDate }: { badge: Badge | null; dueDate?: string | null }) {
  if (!badge) return <span>—</span>;
  const tag = (
    <Tag color={LEVEL_COLORS[badge.level]} data-level={badge.level} data-provisional={badge.provisional ? 'true' : undefined}
      style={badge.provisional ? { borderStyle: 'dashed' } : undefined}>{badge.label}</Tag>
  );
  const title = [dueDate ? `${badge.provisional ? '预计到期日' : '到期日'} ${dueDate}` : null, badge.provisional ?? null].filter(Boolean).join('；');
  return title ? <Tooltip title={title}>{tag}</Tooltip> : tag;
}

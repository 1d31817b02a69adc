/** The dashboard's server state. */
import { useQuery } from '@tanstack/react-query';
import type { MetricResult } from '../../../core/shared/schemas';
import { api, apiQuery } from '../../../core/web/api';

/** GET /api/dashboard declares no response schema, so its shape is stated here. */
export type Dashboard = {
  year: number; divisionCode: string; orgId: string | null; orgName: string | null; from: string; to: string; caseType: string;
  totals: Record<string, MetricResult | null>;
  months: { month: string; from: string; to: string; received: number; completed: number; onTimeRate: number | null }[];
  /** 法治政府 figures, each with its own records (no case-type filter). */
  ruleOfLaw: (MetricResult & { title: string })[];
  orgs: { orgId: string; orgName: string; received: number; onTimeRate: number | null; onTimeNumerator: number; onTimeDenominator: number; overdue: number }[];
};

/** The year's figures for one case type (the dashboard shows 政务服务 applications). */
export function useDashboard(year: number, caseType: string) {
  const q = apiQuery('/api/dashboard', { query: { year, caseType } });
  return useQuery({ queryKey: q.queryKey, queryFn: () => api.GET('/api/dashboard', { query: { year, caseType } }) as Promise<Dashboard> });
}

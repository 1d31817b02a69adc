/** The dashboard's server state. */
import { useQuery } from '@tanstack/react-query';
import { apiQuery } from '../../../core/web/api';

/** The year's figures for one case type (the dashboard shows 政务服务 applications). */
export function useDashboard(year: number, caseType: string) {
  return useQuery(apiQuery('/api/dashboard', { query: { year, caseType } }));
}

import { useNavigate } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { PageContainer, ProTable } from '@ant-design/pro-components';
import type { CaseSummary, CaseTypeInfo } from '../shared/schemas';
import { get, qs } from './api';
import { DeadlineBadge, StatusTag } from './status';
import { fmtTime } from './case-parts';

type Filters = { q?: string; state?: string; created?: [string, string]; overdue?: string };

/**
 * Every case of one type the user can see, newest first (the 工作台 shows only what awaits them), with
 * the kernel's list filters: number/title/applicant, state, filing dates, overdue. The list endpoint is
 * GET /api/<plural>, generated for every case type, so every domain's list searches the same way.
 */
export function CaseListPage({ title, endpoint, columns }: { title: string; endpoint: string; columns: { refNo: string; title: string; applicant: string } }) {
  const navigate = useNavigate();
  const plural = endpoint.replace(/^\/api\//, '');
  const types = useQuery({ queryKey: ['case-types'], queryFn: () => get<CaseTypeInfo[]>('/api/case-types'), staleTime: Infinity });
  const states = types.data?.find((t) => t.plural === plural)?.states ?? [];
  return (
    <PageContainer title={title}>
      <ProTable<CaseSummary, Filters> rowKey="id" options={{ reload: true, density: false, setting: false }} pagination={{ pageSize: 20 }}
        search={{ labelWidth: 'auto', defaultCollapsed: false, searchText: '查询', resetText: '重置' }}
        request={async ({ current, pageSize, q, state, created, overdue }) => {
          const r = await get<{ items: CaseSummary[]; total: number }>(`${endpoint}?${qs({
            page: current, pageSize, q: q || undefined, state: state || undefined,
            from: created?.[0], to: created?.[1], overdue: overdue === 'true' ? 'true' : undefined,
          })}`);
          return { data: r.items, total: r.total, success: true };
        }}
        onRow={(r) => ({ onClick: () => navigate(r.link), style: { cursor: 'pointer' } })}
        columns={[
          { title: '关键词', dataIndex: 'q', hideInTable: true, fieldProps: { placeholder: `${columns.refNo}、${columns.title}或${columns.applicant}` } },
          { title: columns.refNo, dataIndex: 'refNo', hideInSearch: true },
          { title: columns.title, dataIndex: 'title', ellipsis: true, hideInSearch: true },
          { title: columns.applicant, dataIndex: 'applicantName', hideInSearch: true },
          { title: '承办单位', dataIndex: 'orgName', hideInSearch: true },
          {
            title: '状态', dataIndex: 'state', valueType: 'select',
            valueEnum: Object.fromEntries(states.map((s) => [s.key, { text: s.label }])),
            render: (_, r) => <StatusTag name={r.stateName} color={r.stateColor} />,
          },
          { title: '期限', dataIndex: 'dueDate', hideInSearch: true, render: (_, r) => <DeadlineBadge badge={r.badge} dueDate={r.dueDate} /> },
          { title: '超期', dataIndex: 'overdue', hideInTable: true, valueType: 'select', valueEnum: { true: { text: '仅看超期' } } },
          { title: '提交日期', dataIndex: 'created', valueType: 'dateRange', hideInTable: true },
          { title: '提交时间', dataIndex: 'createdAt', hideInSearch: true, render: (_, r) => fmtTime(r.createdAt) },
        ]} />
    </PageContainer>
  );
}

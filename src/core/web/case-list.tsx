import { useNavigate } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import type { CaseSummary } from '../shared/schemas';
import { api, apiQuery, type ApiResponse, type PathsOf } from './api';
import { DeadlineBadge, StatusTag } from './status';
import { fmtTime } from './time';

type Filters = { q?: string; state?: string; created?: [string, string]; overdue?: string };

/** A case type's generated list endpoint: any GET path whose answer is a page of case summaries. */
export type CaseListPath = { [P in PathsOf<'get'>]: ApiResponse<P> extends { items: CaseSummary[]; total: number } ? (P extends `${string}{${string}` ? never : P) : never }[PathsOf<'get'>];

/**
 * One column of a case list, as data: a summary field and the domain's word for it. The renderers are
 * the kernel's, so a state is always a StatusTag and a due date always a DeadlineBadge.
 */
export type CaseColumn = {
  field: 'refNo' | 'title' | 'applicantName' | 'orgName' | 'state' | 'dueDate' | 'createdAt';
  title: string;
  /** Searched by the keyword box (number, title and applicant are: the server's `q` matches them). */
  keyword?: boolean;
};

/** A domain's declaration of one case list: page title, endpoint and columns. */
export type CaseListDeclaration = { title: string; path: CaseListPath; columns: CaseColumn[] };

/**
 * The usual columns with a domain's words for the number, the title and the applicant; the kernel's
 * 承办单位, 状态, 期限 and 提交时间 follow.
 */
export function caseColumns(words: { refNo: string; title: string; applicant: string }): CaseColumn[] {
  return [
    { field: 'refNo', title: words.refNo, keyword: true },
    { field: 'title', title: words.title, keyword: true },
    { field: 'applicantName', title: words.applicant, keyword: true },
    { field: 'orgName', title: '承办单位' },
    { field: 'state', title: '状态' },
    { field: 'dueDate', title: '期限' },
    { field: 'createdAt', title: '提交时间' },
  ];
}

function tableColumn(c: CaseColumn, states: { key: string; label: string }[]): ProColumns<CaseSummary, 'text'> {
  switch (c.field) {
    case 'state': return {
      title: c.title, dataIndex: 'state', valueType: 'select',
      valueEnum: Object.fromEntries(states.map((s) => [s.key, { text: s.label }])),
      render: (_, r) => <StatusTag name={r.stateName} color={r.stateColor} />,
    };
    case 'dueDate': return { title: c.title, dataIndex: 'dueDate', hideInSearch: true, render: (_, r) => <DeadlineBadge badge={r.badge} dueDate={r.dueDate} /> };
    case 'createdAt': return { title: c.title, dataIndex: 'createdAt', hideInSearch: true, render: (_, r) => fmtTime(r.createdAt) };
    case 'title': return { title: c.title, dataIndex: 'title', ellipsis: true, hideInSearch: true };
    default: return { title: c.title, dataIndex: c.field, hideInSearch: true };
  }
}

/** The props before lists were declared; services' pages still pass them until the lead converts that domain. */
type LegacyProps = { title: string; endpoint: string; columns: { refNo: string; title: string; applicant: string } };

/**
 * Every case of one type the user can see, newest first (the 工作台 shows only what awaits them), with
 * the kernel's list filters: number/title/applicant, state, filing dates, overdue. The list endpoint is
 * GET /api/<plural>, generated for every case type, so every domain's list searches the same way; the
 * columns are the domain's declaration.
 */
export function CaseListPage(props: { list: CaseListDeclaration } | LegacyProps) {
  const list = 'list' in props ? props.list : { title: props.title, path: props.endpoint as CaseListPath, columns: caseColumns(props.columns) };
  const navigate = useNavigate();
  const plural = list.path.replace(/^\/api\//, '');
  const types = useQuery({ ...apiQuery('/api/case-types'), staleTime: Infinity });
  const states = types.data?.find((t) => t.plural === plural)?.states ?? [];
  const keyword = list.columns.filter((c) => c.keyword).map((c) => c.title);
  return (
    <PageContainer title={list.title}>
      <ProTable<CaseSummary, Filters> rowKey="id" options={{ reload: true, density: false, setting: false }} pagination={{ pageSize: 20 }}
        search={{ labelWidth: 'auto', defaultCollapsed: false, searchText: '查询', resetText: '重置' }}
        request={async ({ current, pageSize, q, state, created, overdue }) => {
          const r = await api.GET(list.path as '/api/tickets', { query: {
            page: current, pageSize, q: q || undefined, state: state || undefined,
            from: created?.[0], to: created?.[1], overdue: overdue === 'true' ? 'true' : undefined,
          } });
          return { data: r.items as CaseSummary[], total: r.total, success: true };
        }}
        onRow={(r) => ({ onClick: () => navigate(r.link), style: { cursor: 'pointer' } })}
        columns={[
          ...(keyword.length ? [{ title: '关键词', dataIndex: 'q', hideInTable: true, fieldProps: { placeholder: `${keyword.slice(0, -1).join('、')}${keyword.length > 1 ? '或' : ''}${keyword.at(-1)}` } }] : []),
          ...list.columns.map((c) => tableColumn(c, states)),
          { title: '超期', dataIndex: 'overdue', hideInTable: true, valueType: 'select', valueEnum: { true: { text: '仅看超期' } } },
          { title: '提交日期', dataIndex: 'created', valueType: 'dateRange', hideInTable: true },
        ]} />
    </PageContainer>
  );
}

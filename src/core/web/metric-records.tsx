import { useNavigate } from 'react-router-dom';
import { ProTable } from '@ant-design/pro-components';
import { Alert, Table } from 'antd';
import { useState } from 'react';
import type { CaseSummary, MetricQuery } from '../shared/schemas';
import { metricRecords, useMetricRows } from './kernel.hooks';
import { DeadlineBadge, StatusTag } from './status';
import { fmtTime } from './time';

type Which = 'numerator' | 'denominator';

/**
 * The records behind one figure, whatever they are: cases (each opens its page), rows of a registry
 * that is not a case (主动公开信息, 法律顾问工作记录: the columns the domain declares), or a note saying
 * where they are kept. The same query as the figure, in the reader's scope.
 */
export function MetricRecordsTable({ metricKey, query, which, kind, note, expected }: { metricKey: string; query: Partial<MetricQuery>; which: Which; kind: 'cases' | 'rows' | null | undefined; note?: string | null; expected?: number | null }) {
  if (kind === null) return <Alert type="info" showIcon message="该指标的记录不在办件中" description={note ?? '请到相应台账查看'} />;
  if (kind === 'rows') return <RowSetTable metricKey={metricKey} query={query} which={which} />;
  return <CaseRecordsTable metricKey={metricKey} query={query} which={which} expected={expected} />;
}

/**
 * Records are listed in the reader's scope: a department's reader tracing a county figure sees their
 * own org's records, and is told how many more there are (never which).
 */
function CaseRecordsTable({ metricKey, query, which, expected }: { metricKey: string; query: Partial<MetricQuery>; which: Which; expected?: number | null }) {
  const navigate = useNavigate();
  const [shown, setShown] = useState<number | null>(null);
  const hidden = expected !== undefined && expected !== null && shown !== null ? expected - shown : 0;
  return (
    <>
    {hidden > 0 ? <div data-testid="records-out-of-scope"><Alert type="info" showIcon style={{ marginBottom: 12 }}
      message={`该数字对应${expected}条记录，其中${hidden}条不在您的查看范围内`} description="明细按您的权限显示（部门人员只能查看本单位的记录），完整明细请由有权限的人员（如区领导）查看。" /></div> : null}
    <ProTable<CaseSummary> rowKey="id" search={false} options={false} params={{ which, metricKey }}
      request={async ({ current, pageSize }) => {
        try {
          const r = await metricRecords(metricKey, { ...query, which, page: current, pageSize });
          setShown(r.total);
          return { data: r.items, total: r.total, success: true };
        } catch (e) {
          return { data: [], total: 0, success: false, errorMessage: (e as Error).message };
        }
      }}
      onRow={(r) => ({ onClick: () => navigate(r.link), style: { cursor: 'pointer' } })}
      columns={[
        { title: '编号', dataIndex: 'refNo' },
        { title: '标题', dataIndex: 'title', ellipsis: true },
        { title: '承办单位', dataIndex: 'orgName' },
        { title: '状态', dataIndex: 'stateName', render: (_, r) => <StatusTag name={r.stateName} color={r.stateColor} /> },
        { title: '期限', dataIndex: 'dueDate', render: (_, r) => <DeadlineBadge badge={r.badge} dueDate={r.dueDate} /> },
        { title: '创建时间', dataIndex: 'createdAt', render: (_, r) => fmtTime(r.createdAt) },
      ]} />
    </>
  );
}

/** A registry cell: an instant (the server sends ISO, i.e. UTC) in the site's zone, anything else as it is. */
const cellText = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) ? fmtTime(v) : String(v));

function RowSetTable({ metricKey, query, which }: { metricKey: string; query: Partial<MetricQuery>; which: Which }) {
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const r = useMetricRows(metricKey, { ...query, which, page: page.current, pageSize: page.pageSize });
  if (r.error) return <Alert type="error" message={r.error.message} />;
  return (
    <Table<Record<string, string | number | null>> size="small" loading={r.isLoading} rowKey={(_, i) => String(i)}
      dataSource={r.data?.rows ?? []} scroll={{ x: true }}
      columns={(r.data?.columns ?? []).map((c) => ({ title: c.label, dataIndex: c.key, render: cellText }))}
      pagination={{ ...page, total: r.data?.total ?? 0, showTotal: (n) => `共 ${n} 条`, onChange: (current, pageSize) => setPage({ current, pageSize }) }} />
  );
}

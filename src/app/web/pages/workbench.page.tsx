import { useNavigate } from 'react-router-dom';
import { PageContainer, ProTable, StatisticCard } from '@ant-design/pro-components';
import type { CaseSummary } from '../../../core/shared/schemas';
import { hasPermission, useMe } from '../../../core/web/auth';
import { useMetric } from '../../../core/web/kernel.hooks';
import { DeadlineBadge, StatusTag } from '../../../core/web/status';
import { fmtTime, siteYear } from '../../../core/web/time';
import { listWorkbench } from '../app.hooks';

export function WorkbenchPage() {
  const navigate = useNavigate();
  const me = useMe();
  const year = siteYear();
  const thisYear = { from: `${year}-01-01`, to: `${year}-12-31` };
  const inProgress = useMetric('cases.inProgress', thisYear, hasPermission(me, 'metrics.read'));
  const overdue = useMetric('cases.overdue', thisYear, hasPermission(me, 'metrics.read'));
  return (
    <PageContainer title="工作台" subTitle={`${me.displayName}，您好`}>
      {hasPermission(me, 'metrics.read') && (inProgress.data || overdue.data) ? (
        <StatisticCard.Group style={{ marginBottom: 16 }}>
          {inProgress.data ? <StatisticCard statistic={{ title: `${year}年在办件（本辖区）`, value: inProgress.data.numerator }} /> : null}
          {overdue.data ? <StatisticCard statistic={{ title: `${year}年超期件`, value: overdue.data.numerator, status: overdue.data.numerator > 0 ? 'error' : 'success' }} /> : null}
        </StatisticCard.Group>
      ) : null}
      <ProTable<CaseSummary>
        rowKey="id"
        headerTitle="我的待办（按到期日排序）"
        search={false}
        options={{ reload: true, density: false, setting: false, search: { name: 'q', placeholder: '编号、标题或申请人', allowClear: true, style: { width: 240 } } }}
        pagination={{ pageSize: 20 }}
        request={async ({ current, pageSize, q }) => {
          const r = await listWorkbench({ page: current, pageSize, q: q || undefined });
          return { data: r.items, total: r.total, success: true };
        }}
        onRow={(r) => ({ onClick: () => navigate(r.link), style: { cursor: 'pointer' } })}
        locale={{ emptyText: '暂无待办' }}
        columns={[
          { title: '编号', dataIndex: 'refNo', render: (_, r) => <a>{r.refNo}</a> },
          { title: '类型', dataIndex: 'caseTypeName' },
          { title: '标题', dataIndex: 'title', ellipsis: true },
          { title: '申请人', dataIndex: 'applicantName', render: (_, r) => r.applicantName ?? '—' },
          { title: '承办单位', dataIndex: 'orgName' },
          { title: '状态', dataIndex: 'stateName', render: (_, r) => <StatusTag name={r.stateName} color={r.stateColor} /> },
          { title: '期限', dataIndex: 'dueDate', render: (_, r) => <DeadlineBadge badge={r.badge} dueDate={r.dueDate} /> },
          { title: '创建时间', dataIndex: 'createdAt', render: (_, r) => fmtTime(r.createdAt) },
        ]}
      />
    </PageContainer>
  );
}

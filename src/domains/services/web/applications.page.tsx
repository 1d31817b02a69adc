import { useNavigate } from 'react-router-dom';
import { PageContainer, ProTable } from '@ant-design/pro-components';
import type { CaseSummary } from '../../../core/shared/schemas';
import { get, qs } from '../../../core/web/api';
import { DeadlineBadge, StatusTag } from '../../../core/web/status';
import { fmtTime } from '../../../core/web/case-parts';

/** Every 办件 the user can see, newest first (the 工作台 shows only what awaits them). */
export function ApplicationsPage() {
  const navigate = useNavigate();
  return (
    <PageContainer title="办件查询">
      <ProTable<CaseSummary> rowKey="id" search={false} options={{ reload: true, density: false, setting: false }} pagination={{ pageSize: 20 }}
        request={async ({ current, pageSize }) => {
          const r = await get<{ items: CaseSummary[]; total: number }>(`/api/applications?${qs({ page: current, pageSize })}`);
          return { data: r.items, total: r.total, success: true };
        }}
        onRow={(r) => ({ onClick: () => navigate(r.link), style: { cursor: 'pointer' } })}
        columns={[
          { title: '办件编号', dataIndex: 'refNo' },
          { title: '事项', dataIndex: 'title', ellipsis: true },
          { title: '申请人', dataIndex: 'applicantName' },
          { title: '承办单位', dataIndex: 'orgName' },
          { title: '状态', dataIndex: 'stateName', render: (_, r) => <StatusTag name={r.stateName} color={r.stateColor} /> },
          { title: '期限', dataIndex: 'dueDate', render: (_, r) => <DeadlineBadge badge={r.badge} dueDate={r.dueDate} /> },
          { title: '提交时间', dataIndex: 'createdAt', render: (_, r) => fmtTime(r.createdAt) },
        ]} />
    </PageContainer>
  );
}

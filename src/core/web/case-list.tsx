import { useNavigate } from 'react-router-dom';
import { PageContainer, ProTable } from '@ant-design/pro-components';
import type { CaseSummary } from '../shared/schemas';
import { get, qs } from './api';
import { DeadlineBadge, StatusTag } from './status';
import { fmtTime } from './case-parts';

/** Every case of one type the user can see, newest first (the 工作台 shows only what awaits them). */
export function CaseListPage({ title, endpoint, columns }: { title: string; endpoint: string; columns: { refNo: string; title: string; applicant: string } }) {
  const navigate = useNavigate();
  return (
    <PageContainer title={title}>
      <ProTable<CaseSummary> rowKey="id" search={false} options={{ reload: true, density: false, setting: false }} pagination={{ pageSize: 20 }}
        request={async ({ current, pageSize }) => {
          const r = await get<{ items: CaseSummary[]; total: number }>(`${endpoint}?${qs({ page: current, pageSize })}`);
          return { data: r.items, total: r.total, success: true };
        }}
        onRow={(r) => ({ onClick: () => navigate(r.link), style: { cursor: 'pointer' } })}
        columns={[
          { title: columns.refNo, dataIndex: 'refNo' },
          { title: columns.title, dataIndex: 'title', ellipsis: true },
          { title: columns.applicant, dataIndex: 'applicantName' },
          { title: '承办单位', dataIndex: 'orgName' },
          { title: '状态', dataIndex: 'stateName', render: (_, r) => <StatusTag name={r.stateName} color={r.stateColor} /> },
          { title: '期限', dataIndex: 'dueDate', render: (_, r) => <DeadlineBadge badge={r.badge} dueDate={r.dueDate} /> },
          { title: '提交时间', dataIndex: 'createdAt', render: (_, r) => fmtTime(r.createdAt) },
        ]} />
    </PageContainer>
  );
}

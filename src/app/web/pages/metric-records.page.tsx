import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { PageContainer, ProTable } from '@ant-design/pro-components';
import { Alert, Descriptions, Radio } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { CaseSummary, MetricResult } from '../../../core/shared/schemas';
import { get, qs } from '../../../core/web/api';
import { DeadlineBadge, StatusTag } from '../../../core/web/status';
import { fmtTime } from '../../../core/web/case-parts';

/** The records behind any figure: same metric, same query, listed. */
export function MetricRecordsPage() {
  const { key = '' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [which, setWhich] = useState<'numerator' | 'denominator'>('numerator');
  const query = Object.fromEntries(['divisionCode', 'orgId', 'from', 'to', 'caseType'].map((k) => [k, params.get(k) ?? undefined]));
  const m = useQuery({ queryKey: ['metric', key, query], queryFn: () => get<MetricResult>(`/api/metrics/${key}?${qs(query)}`) });
  return (
    <PageContainer title={m.data ? `明细：${m.data.label}` : '明细'} onBack={() => navigate(-1)}>
      {m.data ? (
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
          <Descriptions.Item label="口径">{m.data.definition}</Descriptions.Item>
          <Descriptions.Item label="期间">{query.from} 至 {query.to}</Descriptions.Item>
          <Descriptions.Item label="数值">{m.data.unit === 'rate' ? `${m.data.numerator}/${m.data.denominator}` : m.data.numerator}</Descriptions.Item>
        </Descriptions>
      ) : null}
      {m.data?.unit === 'rate' ? <Radio.Group style={{ marginBottom: 12 }} value={which} onChange={(e) => setWhich(e.target.value)} options={[{ value: 'numerator', label: '分子记录' }, { value: 'denominator', label: '分母记录' }]} optionType="button" /> : null}
      <ProTable<CaseSummary> rowKey="id" search={false} options={false} params={{ which }}
        request={async ({ current, pageSize }) => {
          try {
            const r = await get<{ items: CaseSummary[]; total: number }>(`/api/metrics/${key}/records?${qs({ ...query, which, page: current, pageSize })}`);
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
      {m.error ? <Alert type="error" message={m.error.message} /> : null}
    </PageContainer>
  );
}

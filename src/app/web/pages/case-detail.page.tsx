import { useParams } from 'react-router-dom';
import { PageContainer, ProCard } from '@ant-design/pro-components';
import { Descriptions, Result, Space, Spin } from 'antd';
import { useCase } from '../../../core/web/case.hooks';
import { StatusTag } from '../../../core/web/status';
import { ActionButtons, CaseTimeline, ClockCards, LinkedCases } from '../../../core/web/case-parts';
import { fmtTime } from '../../../core/web/time';

/** The generic case page: any case type, its fields, clocks, timeline and the actions offered to me. */
export function CaseDetailPage() {
  const { id = '' } = useParams();
  const q = useCase(id);
  if (q.isLoading) return <Spin />;
  if (q.error || !q.data) return <Result status="404" title={q.error?.message ?? '案件不存在'} />;
  const c = q.data;
  return (
    <PageContainer title={`${c.refNo}　${c.title}`} tags={<StatusTag name={c.stateName} color={c.stateColor} />} extra={<ActionButtons caseId={c.id} actions={c.actions} />}>
      <ProCard direction="column" gutter={[0, 16]} ghost>
        <ProCard title="基本信息">
          <Descriptions column={{ xs: 1, sm: 2, md: 3 }}>
            <Descriptions.Item label="类型">{c.caseTypeName}</Descriptions.Item>
            <Descriptions.Item label="承办单位">{c.orgName}</Descriptions.Item>
            <Descriptions.Item label="申请人">{c.applicantName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="创建时间">{fmtTime(c.createdAt)}</Descriptions.Item>
            <Descriptions.Item label="办结时间">{fmtTime(c.closedAt)}</Descriptions.Item>
            {c.fields.map((f) => (
              <Descriptions.Item key={f.label} label={f.label}>
                {f.links?.length ? <Space direction="vertical" size={2}><span>{f.value}</span>{f.links.map((l) => <a key={l.href} href={l.href} target="_blank" rel="noreferrer" data-testid="field-link">{l.name}</a>)}</Space> : f.value}
              </Descriptions.Item>
            ))}
          </Descriptions>
        </ProCard>
        {c.clocks.length ? <ProCard title="办理时限"><ClockCards clocks={c.clocks} /></ProCard> : null}
        <LinkedCases links={c.links} hidden={c.hiddenLinks} />
        <ProCard title="办理过程"><CaseTimeline events={c.events} /></ProCard>
      </ProCard>
    </PageContainer>
  );
}

/**
 * A 差评整改 case: what was rated, the clocks, the timeline and the actions — and, for its handler only,
 * the real-name rater's phone on request (the read is recorded in the audit trail).
 */
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { PageContainer, ProCard } from '@ant-design/pro-components';
import { Alert, Button, Descriptions, Result, Spin } from 'antd';
import { useCase } from '../../../core/web/case.hooks';
import { useRaterContact } from './ratings.hooks';
import { hasPermission, useMe } from '../../../core/web/auth';
import { StatusTag } from '../../../core/web/status';
import { ActionButtons, CaseTimeline, LinkedCases, ClockCards } from '../../../core/web/case-parts';
import { fmtTime } from '../../../core/web/time';

export function ComplaintFixPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const q = useCase(id);
  const [asked, setAsked] = useState(false);
  const contact = useRaterContact(id);
  if (q.isLoading) return <Spin />;
  if (q.error || !q.data) return <Result status="404" title={q.error?.message ?? '案件不存在'} />;
  const c = q.data;
  const realName = c.applicantName === '实名评价人';
  return (
    <PageContainer title={`${c.refNo}　${c.title}`} tags={<StatusTag name={c.stateName} color={c.stateColor} />} extra={<ActionButtons caseId={c.id} actions={c.actions} onDone={() => q.refetch()} />}>
      <ProCard direction="column" gutter={[0, 16]} ghost>
        <ProCard title="差评情况">
          <Descriptions column={{ xs: 1, sm: 2, md: 3 }}>
            <Descriptions.Item label="被评价单位">{c.orgName}</Descriptions.Item>
            <Descriptions.Item label="登记时间">{fmtTime(c.createdAt)}</Descriptions.Item>
            <Descriptions.Item label="办结时间">{fmtTime(c.closedAt)}</Descriptions.Item>
            {c.fields.map((f) => <Descriptions.Item key={f.label} label={f.label}>{f.label === '评价时间' ? fmtTime(f.value) : f.value}</Descriptions.Item>)}
          </Descriptions>
          {realName && hasPermission(me, 'complaintFix.handle') ? (
            <div style={{ marginTop: 8 }}>
              {contact.data ? <Alert type="info" showIcon message={`评价人联系电话：${contact.data.phone}`} description="仅用于核实回访和反馈整改结果，查看已记录在审计日志中。" />
                : <Button onClick={() => { setAsked(true); contact.mutate(); }} loading={contact.isPending} data-testid="show-rater">查看评价人联系电话（留痕）</Button>}
              {asked && contact.error ? <Alert type="error" showIcon message={contact.error.message} style={{ marginTop: 8 }} /> : null}
            </div>
          ) : null}
        </ProCard>
        {c.clocks.length ? <ProCard title="办理时限"><ClockCards clocks={c.clocks} /></ProCard> : null}
        <LinkedCases links={c.links} hidden={c.hiddenLinks} />
        <ProCard title="办理过程"><CaseTimeline events={c.events} /></ProCard>
      </ProCard>
    </PageContainer>
  );
}

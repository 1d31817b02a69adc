/**
 * 行政复议 for staff: registering an application received at the counter or by letter, and the case page
 * — the substance (application, challenged act, the respondent's answer, the outcome), its documents as
 * .docx, clocks, links and timeline, with the actions the server offers this reader.
 */
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { PageContainer, ProCard } from '@ant-design/pro-components';
import { Alert, App, Button, Card, Descriptions, Form, Input, Radio, Result, Space, Spin, Table, Typography } from 'antd';
import { ApiError } from '../../../core/web/api';
import { hasPermission, useMe } from '../../../core/web/auth';
import { useCase } from '../../../core/web/case.hooks';
import { StatusTag } from '../../../core/web/status';
import { ActionButtons, CaseTimeline, ClockCards, LinkedCases } from '../../../core/web/case-parts';
import { ApplicationForm } from './reconsideration-form';
import { useIssueOpinion, useOpinions, useRefreshReconsideration, useSubstance } from './reconsideration.hooks';

/** 第76条: the 复议机构 writes to the respondent about what the case found illegal or improper. */
function OpinionForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const issue = useIssueOpinion(caseId, {
    done: () => { message.success('已制发，主送机关应在60日内报送纠正情况'); setOpen(false); form.resetFields(); onDone(); },
    failed: (e) => {
      if (e instanceof ApiError && e.fields.length) form.setFields(e.fields.map((f) => ({ name: f.path.split('.'), errors: [f.message] })));
      message.error(e.message);
    },
  });
  if (!open) return <Button onClick={() => setOpen(true)} data-testid="issue-opinion">制发行政复议意见书</Button>;
  return (
    <Form form={form} layout="vertical" initialValues={{ kind: '意见书' }} onFinish={(v: { kind: '意见书' | '建议书'; problems: string; suggestions: string }) => issue.mutate(v)} style={{ maxWidth: 720 }}>
      <Form.Item name="kind" label="文书"><Radio.Group options={['意见书', '建议书']} /></Form.Item>
      <Form.Item name="problems" label="发现的违法或者不当行政行为" rules={[{ required: true, message: '请填写发现的问题' }]}><Input.TextArea rows={3} maxLength={3000} /></Form.Item>
      <Form.Item name="suggestions" label="纠正意见和建议" rules={[{ required: true, message: '请填写纠正意见' }]}><Input.TextArea rows={3} maxLength={3000} /></Form.Item>
      <Space><Button type="primary" htmlType="submit" loading={issue.isPending}>制发</Button><Button onClick={() => setOpen(false)}>取消</Button></Space>
    </Form>
  );
}

export function RegisterReconsiderationPage() {
  const navigate = useNavigate();
  return (
    <PageContainer title="登记行政复议申请（当面递交、邮寄、口头）">
      <Card style={{ maxWidth: 760 }}><ApplicationForm staff onFiled={(f) => navigate(`/reconsideration/cases/${f.id}`)} /></Card>
    </PageContainer>
  );
}

export function ReconsiderationCasePage() {
  const { id = '' } = useParams();
  const c = useCase(id);
  const s = useSubstance(id);
  const refresh = useRefreshReconsideration(id);
  const me = useMe();
  const opinions = useOpinions(id);
  if (c.isLoading || s.isLoading) return <Spin />;
  if (c.error || !c.data || !s.data) return <Result status="404" title={c.error?.message ?? s.error?.message ?? '案件不存在'} />;
  const d = c.data;
  const x = s.data;
  return (
    <PageContainer title={`${d.refNo}　${d.title}`} tags={<StatusTag name={d.stateName} color={d.stateColor} />}>
      <ProCard direction="column" gutter={[0, 16]} ghost>
        <ProCard title="可执行的操作"><ActionButtons caseId={d.id} actions={d.actions} onDone={refresh} /></ProCard>
        {x.warnings.map((w) => <Alert key={w} type="warning" showIcon message={w} />)}
        <ProCard title="行政复议申请" data-testid="application">
          <Descriptions column={{ xs: 1, sm: 2, md: 3 }}>
            <Descriptions.Item label="申请人">{`${d.applicantName ?? ''}（${x.applicantKind}）`}</Descriptions.Item>
            <Descriptions.Item label="申请方式">{x.channel}</Descriptions.Item>
            <Descriptions.Item label="收到申请">{x.receivedOn}</Descriptions.Item>
            <Descriptions.Item label="被申请人">{x.respondent}</Descriptions.Item>
            <Descriptions.Item label="适用程序">{`${x.procedure}（${x.procedureReason}）`}</Descriptions.Item>
            <Descriptions.Item label="受理">{x.acceptedOn ? `${x.acceptedOn}${x.deemedAccepted ? '（视为受理，第30条）' : ''}` : '尚未受理'}</Descriptions.Item>
            <Descriptions.Item label="行政复议请求" span={3}>{x.request}</Descriptions.Item>
            <Descriptions.Item label="主要事实和理由" span={3}>{x.factsAndReasons}</Descriptions.Item>
            {x.correctionAsked ? <Descriptions.Item label="补正事项" span={3}>{x.correctionAsked}</Descriptions.Item> : null}
            {x.supplied ? <Descriptions.Item label="补正内容" span={3}>{x.supplied}</Descriptions.Item> : null}
          </Descriptions>
        </ProCard>
        <ProCard title="被申请的行政行为" data-testid="challenged-act">
          <Descriptions column={{ xs: 1, sm: 2, md: 3 }}>
            <Descriptions.Item label="行为" span={3}>{x.act.description}</Descriptions.Item>
            <Descriptions.Item label="类别">{x.act.kind}</Descriptions.Item>
            <Descriptions.Item label="本平台办件">{x.act.linked ? '已关联（见“关联案件”）' : '未关联，按申请描述'}</Descriptions.Item>
            <Descriptions.Item label="涉及金额">{x.act.amountYuan === null ? '—' : `${x.act.amountYuan.toLocaleString('zh-CN')}元`}</Descriptions.Item>
            <Descriptions.Item label="知道行为的日期">{x.act.knewOn}</Descriptions.Item>
          </Descriptions>
        </ProCard>
        <ProCard title="被申请人答复" data-testid="answer">
          {x.answer ? (
            <Descriptions column={1}>
              <Descriptions.Item label="提交日期">{x.answeredOn}</Descriptions.Item>
              <Descriptions.Item label="书面答复">{x.answer}</Descriptions.Item>
              <Descriptions.Item label="证据和依据">{x.evidence}</Descriptions.Item>
            </Descriptions>
          ) : <Typography.Text type="secondary">{x.copySentOn ? `申请书副本已于${x.copySentOn}发送，等待答复` : '尚未发送申请书副本'}</Typography.Text>}
          {x.hearingOn ? <Typography.Paragraph>听证：{x.hearingOn}{x.headAttended === null ? '' : x.headAttended ? '（被申请人负责人参加）' : '（被申请人负责人未参加）'}</Typography.Paragraph> : null}
        </ProCard>
        {x.outcome ? (
          <ProCard title={`结案：${x.outcome}（${x.closedOn}）`} data-testid="outcome">
            {x.decisionFacts ? <Typography.Paragraph>经审理查明：{x.decisionFacts}</Typography.Paragraph> : null}
            {x.decisionReasoning ? <Typography.Paragraph>本机关认为：{x.decisionReasoning}</Typography.Paragraph> : null}
            {x.outcomeNote ? <Typography.Paragraph>{x.outcomeNote}</Typography.Paragraph> : null}
          </ProCard>
        ) : null}
        {x.documents.length ? (
          <ProCard title="文书">
            <Space wrap>{x.documents.map((doc) => <Button key={doc.kind} href={`/api/reconsiderations/${d.id}/document?kind=${doc.kind}`} data-testid={`doc-${doc.kind}`}>{doc.title}（.docx）</Button>)}</Space>
          </ProCard>
        ) : null}
        {x.acceptedOn ? (
          <ProCard title="行政复议意见书、建议书（第76条）" data-testid="opinions">
            <Space direction="vertical" style={{ width: '100%' }}>
              <Table rowKey="id" size="small" pagination={false} dataSource={opinions.data ?? []} locale={{ emptyText: '未制发' }}
                columns={[
                  { title: '编号', dataIndex: 'refNo', render: (v: string, o) => <Link to={`/reconsideration/opinions/${o.id}`}>{v}</Link> },
                  { title: '文书', dataIndex: 'kind', width: 80 }, { title: '主送机关', dataIndex: 'addressee' }, { title: '制发日期', dataIndex: 'issuedOn', width: 110 },
                  { title: '报送期限', dataIndex: 'replyDue', width: 110, render: (v: string | null) => v ?? '—' },
                  { title: '状态', dataIndex: 'stateName', render: (v: string, o) => (o.repliedOn ? `${v}（${o.repliedOn}）` : v) },
                  { title: '文书', key: 'doc', render: (_: unknown, o) => <Button size="small" href={`/api/reconsideration-opinions/${o.id}/document`}>下载（.docx）</Button> },
                ]} />
              {hasPermission(me, 'reconsiderationOpinion.issue') ? <OpinionForm caseId={d.id} onDone={refresh} /> : null}
            </Space>
          </ProCard>
        ) : null}
        {d.clocks.length ? <ProCard title="期限"><ClockCards clocks={d.clocks} /></ProCard> : null}
        <LinkedCases links={d.links} hidden={d.hiddenLinks} />
        <ProCard title="办理过程"><CaseTimeline events={d.events} /></ProCard>
      </ProCard>
    </PageContainer>
  );
}

/**
 * 行政复议 for staff: registering an application received at the counter or by letter, and the case page
 * — the substance (application, challenged act, the respondent's answer, the outcome), its documents as
 * .docx, clocks, links and timeline, with the actions the server offers this reader.
 */
import { useNavigate, useParams } from 'react-router-dom';
import { PageContainer, ProCard } from '@ant-design/pro-components';
import { Alert, Button, Card, Descriptions, Result, Space, Spin, Typography } from 'antd';
import { useCase } from '../../../core/web/case.hooks';
import { StatusTag } from '../../../core/web/status';
import { ActionButtons, CaseTimeline, ClockCards, LinkedCases } from '../../../core/web/case-parts';
import { ApplicationForm } from './reconsideration-form';
import { useRefreshReconsideration, useSubstance } from './reconsideration.hooks';

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
        {d.clocks.length ? <ProCard title="期限"><ClockCards clocks={d.clocks} /></ProCard> : null}
        <LinkedCases links={d.links} hidden={d.hiddenLinks} />
        <ProCard title="办理过程"><CaseTimeline events={d.events} /></ProCard>
      </ProCard>
    </PageContainer>
  );
}

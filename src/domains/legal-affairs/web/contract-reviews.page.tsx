/**
 * 合同合法性审查 for staff: the sending agency's form, and the review page where the justice bureau
 * accepts a case (itself or through an appointed counsel) and writes the opinion comment by comment.
 */
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { PageContainer, ProCard } from '@ant-design/pro-components';
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Radio, Result, Select, Space, Spin, Table, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../core/web/api';
import { caseKey, useCase } from '../../../core/web/case.hooks';
import { useContractEvent, useContractOpinion, useCounselPool, useSubmitContract } from './legal-affairs.hooks';
import { StatusTag } from '../../../core/web/status';
import { ActionButtons, CaseTimeline, LinkedCases, ClockCards } from '../../../core/web/case-parts';
import { CONCLUSIONS, DOC_KINDS } from '../shared/contract-review.machine';
import { usePublicSite, withoutDivision } from '../../../core/web/public-site';
import { siteYear } from '../../../core/web/time';


const fieldErrors = (form: ReturnType<typeof Form.useForm>[0], e: unknown) => {
  if (e instanceof ApiError && e.fields.length) form.setFields(e.fields.map((f) => ({ name: f.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors: [f.message] })));
};

export function SubmitContractPage() {
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const send = useSubmitContract({ done: (r) => navigate(`/legal-affairs/contract-reviews/${r.id}`), failed: (e) => fieldErrors(form, e) });
  return (
    <PageContainer title="送审合同、协议等文件">
      <Card style={{ maxWidth: 760 }}>
        <Form form={form} layout="vertical" onFinish={(v) => send.mutate({ ...v, counterparty: v.counterparty || undefined, amountYuan: v.amountYuan ?? undefined })} initialValues={{ docKind: 'contract' }}>
          <Form.Item name="title" label="文件名称" rules={[{ required: true, message: '请填写文件名称' }]}><Input maxLength={120} /></Form.Item>
          <Form.Item name="docKind" label="文件类型"><Radio.Group options={Object.entries(DOC_KINDS).map(([value, label]) => ({ value, label }))} /></Form.Item>
          <Form.Item name="counterparty" label="合同相对方"><Input maxLength={200} /></Form.Item>
          <Form.Item name="amountYuan" label="合同金额（元）"><InputNumber min={0} precision={0} style={{ width: 240 }} /></Form.Item>
          <Form.Item name="summary" label="主要内容和送审理由" rules={[{ required: true, message: '请填写主要内容' }]}><Input.TextArea rows={5} maxLength={5000} /></Form.Item>
          {send.error ? <Alert type="error" showIcon message={send.error.message} style={{ marginBottom: 12 }} /> : null}
          <Button type="primary" htmlType="submit" loading={send.isPending}>提交送审</Button>
        </Form>
      </Card>
    </PageContainer>
  );
}

function AcceptCard({ caseId, path, onDone }: { caseId: string; path: string; onDone: () => void }) {
  const { message } = App.useApp();
  const year = siteYear();
  const pool = useCounselPool(year);
  const [counselId, setCounselId] = useState<string | undefined>();
  const site = usePublicSite();
  const accept = useContractEvent({ done: () => { message.success('已受理'); onDone(); }, failed: (e) => message.error(e.message) });
  const options = (pool.data?.firms ?? []).map((f) => ({ label: f.name, options: f.lawyers.filter((l) => l.active).map((l) => ({ value: l.id, label: `${l.name}（服务：${l.appointments.map((a) => withoutDivision(a.orgName, site)).join('、') || '无'}）` })) }));
  return (
    <Card size="small" title="受理并确定审查人" data-testid={`accept-${caseId}`}>
      <Space wrap>
        <Select allowClear placeholder="由司法局审查人员审查（可指派法律顾问）" style={{ width: 420 }} options={options} value={counselId} onChange={setCounselId} loading={pool.isLoading} />
        <Button type="primary" loading={accept.isPending} onClick={() => accept.mutate({ path, body: counselId ? { counselId } : {} })}>受理</Button>
      </Space>
    </Card>
  );
}

function OpinionForm({ path, onDone }: { path: string; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const issue = useContractEvent({ done: () => { message.success('已出具审查意见'); onDone(); }, failed: (e) => { fieldErrors(form, e); message.error(e.message); } });
  return (
    <Card size="small" title="出具审查意见" data-testid="opinion-form">
      <Form form={form} layout="vertical" initialValues={{ conclusion: '修改后通过', comments: [{}] }} onFinish={(v) => issue.mutate({ path, body: { ...v, comments: v.comments ?? [] } })}>
        <Form.Item name="conclusion" label="审查结论"><Radio.Group options={CONCLUSIONS.map((c) => ({ value: c, label: c }))} /></Form.Item>
        <Form.Item name="summary" label="审查意见概述" rules={[{ required: true, message: '请填写审查意见概述' }]}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        <Typography.Text strong>逐条审查意见</Typography.Text>
        <Form.List name="comments">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="start" wrap style={{ display: 'flex', marginTop: 8 }}>
                  <Typography.Text style={{ width: 24, display: 'inline-block', paddingTop: 5 }}>{i + 1}.</Typography.Text>
                  <Form.Item name={[f.name, 'clause']} rules={[{ required: true, message: '请填写条款' }]}><Input placeholder="条款，如：第五条" style={{ width: 140 }} maxLength={100} aria-label={`第${i + 1}条意见的条款`} /></Form.Item>
                  <Form.Item name={[f.name, 'problem']} rules={[{ required: true, message: '请填写问题' }]}><Input.TextArea placeholder="存在的问题" autoSize style={{ width: 300 }} maxLength={1000} aria-label={`第${i + 1}条意见的问题`} /></Form.Item>
                  <Form.Item name={[f.name, 'suggestion']} rules={[{ required: true, message: '请填写修改意见' }]}><Input.TextArea placeholder="修改意见" autoSize style={{ width: 300 }} maxLength={1000} aria-label={`第${i + 1}条意见的修改意见`} /></Form.Item>
                  <Button onClick={() => remove(f.name)}>删除</Button>
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({})} style={{ margin: '8px 0 16px' }}>增加一条意见</Button>
            </>
          )}
        </Form.List>
        <div><Button type="primary" htmlType="submit" loading={issue.isPending}>出具审查意见</Button></div>
      </Form>
    </Card>
  );
}

export function ContractReviewPage() {
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const c = useCase(id);
  const o = useContractOpinion(id);
  const refresh = () => { void qc.invalidateQueries({ queryKey: caseKey(id) }); void qc.invalidateQueries({ queryKey: ['/api/contract-reviews/{id}/opinion'] }); };
  if (c.isLoading || o.isLoading) return <Spin />;
  if (c.error || !c.data || !o.data) return <Result status="404" title={c.error?.message ?? '案件不存在'} />;
  const d = c.data;
  const op = o.data;
  const accept = d.actions.find((a) => a.event === 'accept');
  const issue = d.actions.find((a) => a.event === 'issueOpinion');
  const others = d.actions.filter((a) => a.event !== 'accept' && a.event !== 'issueOpinion');
  return (
    <PageContainer title={`${d.refNo}　${d.title}`} tags={<StatusTag name={d.stateName} color={d.stateColor} />} extra={<ActionButtons caseId={d.id} actions={others} onDone={refresh} />}>
      <ProCard direction="column" gutter={[0, 16]} ghost>
        <ProCard title="送审材料">
          <Descriptions column={{ xs: 1, sm: 2, md: 3 }}>
            <Descriptions.Item label="送审单位">{d.orgName}</Descriptions.Item>
            <Descriptions.Item label="文件类型">{op.docKind}</Descriptions.Item>
            <Descriptions.Item label="送审日期">{op.submittedOn}</Descriptions.Item>
            <Descriptions.Item label="合同相对方">{op.counterparty ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="合同金额">{op.amountYuan === null ? '—' : `${op.amountYuan.toLocaleString('zh-CN')}元`}</Descriptions.Item>
            <Descriptions.Item label="审查人">{op.reviewerName ?? '尚未确定'}</Descriptions.Item>
            <Descriptions.Item label="主要内容" span={3}>{op.summary}</Descriptions.Item>
          </Descriptions>
        </ProCard>
        {d.clocks.length ? <ProCard title="审查期限"><ClockCards clocks={d.clocks} /></ProCard> : null}
        {accept ? <AcceptCard caseId={d.id} path={accept.path} onDone={refresh} /> : null}
        {issue ? <OpinionForm path={issue.path} onDone={refresh} /> : null}
        {op.conclusion ? (
          <ProCard title={`审查意见（${op.conclusion}，${op.opinionOn}）`} data-testid="opinion">
            <Typography.Paragraph>{op.opinionSummary}</Typography.Paragraph>
            <Table rowKey="seq" size="small" pagination={false} dataSource={op.comments} locale={{ emptyText: '无逐条意见' }}
              columns={[{ title: '序号', dataIndex: 'seq', width: 60 }, { title: '条款', dataIndex: 'clause', width: 120 }, { title: '存在的问题', dataIndex: 'problem' }, { title: '修改意见', dataIndex: 'suggestion' }]} />
            <Typography.Text type="secondary">共{op.comments.length}条意见</Typography.Text>
          </ProCard>
        ) : null}
        <LinkedCases links={d.links} hidden={d.hiddenLinks} />
        <ProCard title="办理过程"><CaseTimeline events={d.events} /></ProCard>
      </ProCard>
    </PageContainer>
  );
}

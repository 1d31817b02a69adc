/**
 * A normative document for staff: the generic case parts, plus the online comment on the draft by
 * passage (putting the draft out, answering each comment, publishing the account of adoption) and the
 * post-evaluations of a document in force.
 */
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { PageContainer, ProCard } from '@ant-design/pro-components';
import { Alert, App, Button, DatePicker, Descriptions, Form, Input, Modal, Popconfirm, Result, Select, Space, Spin, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { ApiError } from '../../../core/web/api';
import { useCase } from '../../../core/web/case.hooks';
import { useAddEvaluation, useAnswerComment, useDraftComments, useEvaluations, usePublishAdoption, useSetDraftText, type DraftComment } from './normative-docs.hooks';
import { hasPermission, useMe } from '../../../core/web/auth';
import { StatusTag } from '../../../core/web/status';
import { ActionButtons, CaseTimeline, LinkedCases, ClockCards } from '../../../core/web/case-parts';
import { fmtTime } from '../../../core/web/time';
import { ADOPTION, EVALUATION_CONCLUSIONS } from '../shared/normative-participation';


const setErrors = (form: ReturnType<typeof Form.useForm>[0], e: unknown) => { if (e instanceof ApiError && e.fields.length) form.setFields(e.fields.map((f) => ({ name: f.path, errors: [f.message] }))); };

function ConsultationCard({ id, canDraft, isDraft }: { id: string; canDraft: boolean; isDraft: boolean }) {
  const { message } = App.useApp();
  const q = useDraftComments(id);
  const [textOpen, setTextOpen] = useState(false);
  const [answering, setAnswering] = useState<DraftComment | null>(null);
  const [textForm] = Form.useForm();
  const [answerForm] = Form.useForm();
  const setText = useSetDraftText(id, { done: (r) => { message.success(`已发布征求意见稿，共${r.passages}条（段）`); setTextOpen(false); }, failed: (e) => setErrors(textForm, e) });
  const answer = useAnswerComment(id, { done: () => setAnswering(null), failed: (e) => setErrors(answerForm, e) });
  const publish = usePublishAdoption(id, { done: () => message.success('已公布采纳情况'), failed: (e) => message.error(e.message) });
  const c = q.data;
  const locked = !!c?.adoptionPublishedOn;
  return (
    <ProCard title="网上征求意见（按条款）" data-testid="consultation" extra={<Space>
      {c?.from ? <a href={`/public/normative-docs/drafts/${id}`} target="_blank" rel="noreferrer">查看公开页面</a> : null}
      {canDraft && isDraft && !c?.items.length ? <Button onClick={() => { setText.reset(); setTextOpen(true); }}>{c?.from ? '更换征求意见稿' : '发布征求意见稿'}</Button> : null}
      {canDraft && c?.from && !locked ? <Popconfirm title="公布后不能再修改采纳决定，确认公布？" okText="确认" cancelText="取消" onConfirm={() => publish.mutate()}><Button type="primary" loading={publish.isPending}>公布采纳情况</Button></Popconfirm> : null}
    </Space>}>
      {!c?.from ? <Typography.Text type="secondary">尚未在网上公开征求意见。</Typography.Text> : <>
        <Typography.Paragraph>征求意见期限：{c.from}至{c.to}；收到意见{c.items.length}条{locked ? `；采纳情况已于${c.adoptionPublishedOn}公布` : ''}。</Typography.Paragraph>
        <Table rowKey="id" size="small" pagination={false} dataSource={c.items} columns={[
          { title: '条款', dataIndex: 'passageLabel', width: 90 }, { title: '意见', dataIndex: 'content' }, { title: '署名', dataIndex: 'authorName', width: 120, render: (v: string | null) => v ?? '匿名' },
          { title: '提交时间', dataIndex: 'submittedAt', width: 150, render: fmtTime },
          { title: '采纳情况', key: 'a', width: 220, render: (_: unknown, r: DraftComment) => (r.adoption ? `${ADOPTION[r.adoption as keyof typeof ADOPTION]}${r.reason ? `：${r.reason}` : ''}` : '待答复') },
          ...(canDraft && !locked ? [{ title: '', key: 'op', width: 80, render: (_: unknown, r: DraftComment) => <Button size="small" onClick={() => { answer.reset(); setAnswering(r); }}>答复</Button> }] : []),
        ]} />
      </>}
      <Modal open={textOpen} title="发布征求意见稿" okText="发布" cancelText="取消" width={720} destroyOnHidden onCancel={() => setTextOpen(false)} onOk={() => textForm.submit()} confirmLoading={setText.isPending}>
        <Form form={textForm} layout="vertical" preserve={false} onFinish={(v: { text: string; period: Dayjs[] }) => setText.mutate({ text: v.text, from: v.period?.[0]?.format('YYYY-MM-DD'), to: v.period?.[1]?.format('YYYY-MM-DD') })}>
          <Form.Item name="text" label="征求意见稿全文（按“第N条”自动分条）" rules={[{ required: true, message: '请粘贴征求意见稿全文' }]}><Input.TextArea rows={12} maxLength={50000} /></Form.Item>
          <Form.Item name="period" label="征求意见期限" rules={[{ required: true, message: '请选择征求意见期限' }]}><DatePicker.RangePicker /></Form.Item>
          {setText.error ? <Alert type="error" showIcon message={setText.error.message} /> : null}
        </Form>
      </Modal>
      <Modal open={!!answering} title={`答复意见（${answering?.passageLabel ?? ''}）`} okText="保存" cancelText="取消" destroyOnHidden onCancel={() => setAnswering(null)} onOk={() => answerForm.submit()} confirmLoading={answer.isPending}>
        <Typography.Paragraph type="secondary">{answering?.content}</Typography.Paragraph>
        <Form form={answerForm} layout="vertical" preserve={false} onFinish={(v) => answer.mutate({ commentId: answering!.id, body: { adoption: v.adoption, reason: v.reason || undefined } })} initialValues={{ adoption: answering?.adoption ?? undefined, reason: answering?.reason ?? undefined }}>
          <Form.Item name="adoption" label="采纳情况" rules={[{ required: true, message: '请选择采纳情况' }]}><Select options={Object.entries(ADOPTION).map(([value, label]) => ({ value, label }))} /></Form.Item>
          <Form.Item name="reason" label="理由（部分采纳、不予采纳的必填）"><Input.TextArea rows={3} maxLength={1000} /></Form.Item>
          {answer.error ? <Alert type="error" showIcon message={answer.error.message} /> : null}
        </Form>
      </Modal>
    </ProCard>
  );
}

function EvaluationCard({ id, canAdd }: { id: string; canAdd: boolean }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const q = useEvaluations(id);
  const add = useAddEvaluation(id, { done: () => setOpen(false), failed: (e) => setErrors(form, e) });
  return (
    <ProCard title="后评估" data-testid="evaluations" extra={canAdd ? <Button onClick={() => { add.reset(); setOpen(true); }}>登记后评估</Button> : null}>
      {(q.data ?? []).length === 0 ? <Typography.Text type="secondary">尚无后评估记录。</Typography.Text> : (q.data ?? []).map((e) => (
        <Descriptions key={e.id} size="small" bordered column={1} style={{ marginBottom: 12 }}>
          <Descriptions.Item label="完成日期">{e.completedOn}</Descriptions.Item>
          <Descriptions.Item label="评估主体和参与人员">{e.evaluators}</Descriptions.Item>
          <Descriptions.Item label="评估方式">{e.method}</Descriptions.Item>
          <Descriptions.Item label="评估发现">{e.findings}</Descriptions.Item>
          <Descriptions.Item label="结论">{e.conclusion}</Descriptions.Item>
        </Descriptions>
      ))}
      <Modal open={open} title="登记后评估" okText="保存" cancelText="取消" destroyOnHidden onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={add.isPending}>
        <Form form={form} layout="vertical" preserve={false} onFinish={(v) => add.mutate({ ...v, completedOn: (v.completedOn as Dayjs | undefined)?.format('YYYY-MM-DD') })}>
          <Form.Item name="evaluators" label="评估主体和参与人员" rules={[{ required: true, message: '请填写评估主体' }]}><Input maxLength={500} /></Form.Item>
          <Form.Item name="method" label="评估方式" rules={[{ required: true, message: '请填写评估方式' }]}><Input maxLength={500} /></Form.Item>
          <Form.Item name="findings" label="评估发现" rules={[{ required: true, message: '请填写评估发现' }]}><Input.TextArea rows={4} maxLength={5000} /></Form.Item>
          <Form.Item name="conclusion" label="评估结论" rules={[{ required: true, message: '请选择评估结论' }]}><Select options={EVALUATION_CONCLUSIONS.map((c) => ({ value: c, label: c }))} /></Form.Item>
          <Form.Item name="completedOn" label="完成日期" rules={[{ required: true, message: '请选择完成日期' }]}><DatePicker /></Form.Item>
          {add.error ? <Alert type="error" showIcon message={add.error.message} /> : null}
        </Form>
      </Modal>
    </ProCard>
  );
}

export function NormativeDocPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const q = useCase(id);
  if (q.isLoading) return <Spin />;
  if (q.error || !q.data) return <Result status="404" title={q.error?.message ?? '文件不存在'} />;
  const c = q.data;
  // Permissions are checked by the server per document; these only decide which buttons to show.
  const canDraft = hasPermission(me, 'normativeDoc.draft');
  return (
    <PageContainer title={`${c.refNo}　${c.title}`} tags={<StatusTag name={c.stateName} color={c.stateColor} />} extra={<ActionButtons caseId={c.id} actions={c.actions} />}>
      <ProCard direction="column" gutter={[0, 16]} ghost>
        <ProCard title="基本信息">
          <Descriptions column={{ xs: 1, sm: 2, md: 3 }}>
            <Descriptions.Item label="起草单位">{c.orgName}</Descriptions.Item>
            <Descriptions.Item label="创建时间">{fmtTime(c.createdAt)}</Descriptions.Item>
            {c.fields.map((f) => <Descriptions.Item key={f.label} label={f.label}>{f.value}</Descriptions.Item>)}
          </Descriptions>
        </ProCard>
        {c.clocks.length ? <ProCard title="办理时限"><ClockCards clocks={c.clocks} /></ProCard> : null}
        <ConsultationCard id={c.id} canDraft={canDraft} isDraft={c.state === 'draft'} />
        {c.state === 'inForce' || c.state === 'repealed' || c.state === 'expired' ? <EvaluationCard id={c.id} canAdd={c.state === 'inForce' && hasPermission(me, 'normativeDoc.evaluate')} /> : null}
        <LinkedCases links={c.links} hidden={c.hiddenLinks} />
        <ProCard title="办理过程"><CaseTimeline events={c.events} /></ProCard>
      </ProCard>
    </PageContainer>
  );
}

/**
 * 行政应诉 for staff: registering a suit when the court's copy arrives, the suit's page (court, 案号,
 * plaintiff, hearings with who appeared, decisions, appeal, 司法建议) with the actions the server offers
 * and a form to record a hearing, and the year's figures with their records.
 */
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { PageContainer, ProCard } from '@ant-design/pro-components';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Radio, Result, Select, Space, Spin, Statistic, Switch, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { CaseAction } from '../../../core/shared/schemas';
import { ApiError, qs, type ApiBody } from '../../../core/web/api';
import { useCase } from '../../../core/web/case.hooks';
import { StatusTag } from '../../../core/web/status';
import { ActionButtons, CaseTimeline, ClockCards, LinkedCases } from '../../../core/web/case-parts';
import { hasPermission, useMe } from '../../../core/web/auth';
import { APPEARANCES, HEAD_APPEARANCES } from '../shared/litigation.machine';
import { useActionForm, useCounselOptions, useDefendantOrgs, useLitigationFigures, useReceiveAdvice, useRefreshSuit, useRegisterSuit, useSuitFile } from './litigation.hooks';
import { siteYear, siteToday } from '../../../core/web/time';
import { usePublicSite } from '../../../core/web/public-site';

const day = (v: unknown) => (dayjs.isDayjs(v) ? v.format('YYYY-MM-DD') : v);
const fieldErrors = (form: ReturnType<typeof Form.useForm>[0], e: unknown) => {
  if (e instanceof ApiError && e.fields.length) form.setFields(e.fields.map((f) => ({ name: f.path.split('.'), errors: [f.message] })));
};

export function RegisterSuitPage() {
  const navigate = useNavigate();
  const [form] = Form.useForm();
  // The justice bureau picks the defendant (the government, or any agency); a department registers its own.
  const orgs = useDefendantOrgs();
  const site = usePublicSite();
  const send = useRegisterSuit({ done: (r) => navigate(`/litigation/${r.id}`), failed: (e) => fieldErrors(form, e) });
  return (
    <PageContainer title="登记行政应诉案件">
      <Card style={{ maxWidth: 820 }}>
        <Typography.Paragraph type="secondary">收到人民法院送达的起诉状副本后登记；自收到之日起15日内提交答辩状和证据（行政诉讼法 第67条）。</Typography.Paragraph>
        <Form form={form} layout="vertical" initialValues={{ reconsidered: false, court: '' }}
          onFinish={(v) => send.mutate(Object.fromEntries(Object.entries({ ...v, servedOn: day(v.servedOn) }).filter(([, x]) => x !== undefined && x !== '')) as ApiBody<'/api/litigations'>)}>
          <Form.Item name="orgId" label="被告行政机关" extra="不选则为本机关；司法局为区政府或其他机关登记时选择"><Select allowClear showSearch optionFilterProp="label" options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))} /></Form.Item>
          <Form.Item name="court" label="受理法院" rules={[{ required: true, message: '请填写受理法院' }]}><Input maxLength={60} placeholder={site ? `如：${site.divisionName}人民法院` : undefined} /></Form.Item>
          <Form.Item name="courtCaseNo" label="案号" rules={[{ required: true, message: '请填写案号' }]}><Input maxLength={60} placeholder="（2026）豫1202行初45号" /></Form.Item>
          <Form.Item name="plaintiff" label="原告" rules={[{ required: true, message: '请填写原告' }]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="cause" label="案由" rules={[{ required: true, message: '请填写案由' }]}><Input maxLength={40} placeholder="行政处罚" /></Form.Item>
          <Form.Item name="claims" label="诉讼请求" rules={[{ required: true, message: '请填写诉讼请求' }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
          <Form.Item name="servedOn" label="收到起诉状副本日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item>
          <Form.Item name="challengedAct" label="被诉行政行为" rules={[{ required: true, message: '请填写被诉行政行为' }]}><Input maxLength={500} placeholder="文书名称和文号" /></Form.Item>
          <Form.Item name="challengedRef" label="被诉行政行为的案件编号（本平台办理的，填写后自动关联）"><Input maxLength={40} /></Form.Item>
          <Form.Item name="reconsidered" label="起诉前经过行政复议" valuePropName="checked"><Switch /></Form.Item>
          <Form.Item name="reconsiderationRef" label="行政复议案件编号（本平台办理的，填写后自动关联）"><Input maxLength={40} /></Form.Item>
          {send.error ? <Alert type="error" showIcon message={send.error.message} style={{ marginBottom: 12 }} /> : null}
          <Button type="primary" htmlType="submit" loading={send.isPending}>登记</Button>
        </Form>
      </Card>
    </PageContainer>
  );
}

function HearingForm({ action, onDone }: { action: CaseAction; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const appearance = Form.useWatch('appearance', form) as string | undefined;
  const head = !!appearance && (HEAD_APPEARANCES as readonly string[]).includes(appearance);
  const save = useActionForm(action, {
    done: () => { message.success('已记录开庭'); form.resetFields(); onDone(); },
    failed: (e) => { fieldErrors(form, e); message.error(e.message); },
  });
  return (
    <Card size="small" title={action.label} data-testid="hearing-form">
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(Object.fromEntries(Object.entries({ ...v, heldOn: day(v.heldOn) }).filter(([, x]) => x !== undefined && x !== '')))} initialValues={{ appearance: '主要负责人', spoke: true }}>
        <Space wrap align="start">
          <Form.Item name="heldOn" label="开庭日期" rules={[{ required: true, message: '请选择开庭日期' }]}><DatePicker /></Form.Item>
          <Form.Item name="appearance" label="行政机关出庭情况"><Radio.Group options={APPEARANCES.map((a) => ({ value: a, label: a }))} /></Form.Item>
        </Space>
        {head ? (
          <Space wrap align="start">
            <Form.Item name="headName" label="出庭负责人姓名及职务" rules={[{ required: true, message: '请填写出庭负责人' }]}><Input maxLength={60} style={{ width: 240 }} placeholder="陈刚（局长）" /></Form.Item>
            <Form.Item name="spoke" label="负责人就实质性解决争议发表意见" valuePropName="checked"><Switch /></Form.Item>
          </Space>
        ) : (
          <Form.Item name="absenceReason" label="负责人不能出庭的理由（应提交加盖印章或主要负责人签字的书面说明）" rules={[{ required: true, message: '请填写负责人不能出庭的理由' }]}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
        )}
        <Form.Item name="staffNames" label="出庭工作人员" rules={[{ required: appearance === '仅工作人员', message: '请填写出庭工作人员' }]}><Input maxLength={200} /></Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>记录开庭</Button>
      </Form>
    </Card>
  );
}

function AnswerForm({ caseId, action, onDone }: { caseId: string; action: CaseAction; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const counsel = useCounselOptions(caseId);
  const save = useActionForm(action, {
    done: () => { message.success('已提交答辩'); onDone(); },
    failed: (e) => { fieldErrors(form, e); message.error(e.message); },
  });
  return (
    <Card size="small" title={action.label} data-testid="answer-form">
      <Form form={form} layout="vertical" onFinish={(v: Record<string, unknown>) => save.mutate(Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== '')))}>
        <Form.Item name="evidence" label="证据和所依据的规范性文件" rules={[{ required: true, message: '请填写证据和依据' }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
        <Form.Item name="defence" label="答辩要点" rules={[{ required: true, message: '请填写答辩要点' }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
        <Form.Item name="agents" label="委托代理人（工作人员）"><Input maxLength={200} /></Form.Item>
        <Form.Item name="counselId" label="代理律师（法律顾问）"><Select allowClear placeholder="不委托律师" options={(counsel.data ?? []).map((c) => ({ value: c.id, label: `${c.name}（${c.firmName}）` }))} /></Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>提交答辩</Button>
      </Form>
    </Card>
  );
}

function AdviceForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const save = useReceiveAdvice(caseId, {
    done: () => { message.success('已登记司法建议'); setOpen(false); form.resetFields(); onDone(); },
    failed: (e) => { fieldErrors(form, e); message.error(e.message); },
  });
  if (!open) return <Button onClick={() => setOpen(true)}>登记收到的司法建议</Button>;
  return (
    <Form form={form} layout="vertical" onFinish={(v: Record<string, unknown>) => save.mutate(Object.fromEntries(Object.entries({ ...v, receivedOn: day(v.receivedOn) }).filter(([, x]) => x !== undefined && x !== null && x !== '')) as ApiBody<'/api/litigations/{id}/judicial-advice'>)} style={{ maxWidth: 720 }}>
      <Space wrap align="start">
        <Form.Item name="court" label="发出建议的法院" rules={[{ required: true, message: '请填写法院' }]}><Input maxLength={60} style={{ width: 240 }} /></Form.Item>
        <Form.Item name="adviceNo" label="司法建议书文号" rules={[{ required: true, message: '请填写文号' }]}><Input maxLength={60} style={{ width: 220 }} /></Form.Item>
        <Form.Item name="receivedOn" label="收到日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item>
        <Form.Item name="replyDays" label="建议书载明的回复期限（日）"><InputNumber min={1} max={365} precision={0} /></Form.Item>
      </Space>
      <Form.Item name="content" label="建议内容" rules={[{ required: true, message: '请填写建议内容' }]}><Input.TextArea rows={3} maxLength={3000} /></Form.Item>
      <Space><Button type="primary" htmlType="submit" loading={save.isPending}>登记</Button><Button onClick={() => setOpen(false)}>取消</Button></Space>
    </Form>
  );
}

export function SuitPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const c = useCase(id);
  const f = useSuitFile(id);
  const refresh = useRefreshSuit(id);
  if (c.isLoading || f.isLoading) return <Spin />;
  if (c.error || !c.data || !f.data) return <Result status="404" title={c.error?.message ?? f.error?.message ?? '案件不存在'} />;
  const d = c.data;
  const s = f.data;
  const hearingAction = d.actions.find((a) => a.event === 'hearFirst' || a.event === 'hearSecond');
  const answer = d.actions.find((a) => a.event === 'answer');
  const others = d.actions.filter((a) => a !== hearingAction && a !== answer);
  return (
    <PageContainer title={`${d.refNo}　${d.title}`} tags={<StatusTag name={d.stateName} color={d.stateColor} />} extra={<ActionButtons caseId={d.id} actions={others} onDone={refresh} />}>
      <ProCard direction="column" gutter={[0, 16]} ghost>
        <ProCard title="案件情况" data-testid="suit-facts">
          <Descriptions column={{ xs: 1, sm: 2, md: 3 }}>
            <Descriptions.Item label="被告">{d.orgName}</Descriptions.Item>
            <Descriptions.Item label="受理法院">{s.court}</Descriptions.Item>
            <Descriptions.Item label="案号">{s.courtCaseNo}</Descriptions.Item>
            {s.secondCaseNo ? <Descriptions.Item label="二审案号">{`${s.secondCaseNo}${s.secondCourt ? `（${s.secondCourt}）` : ''}`}</Descriptions.Item> : null}
            <Descriptions.Item label="原告">{s.plaintiff}</Descriptions.Item>
            <Descriptions.Item label="案由">{s.cause}</Descriptions.Item>
            <Descriptions.Item label="收到起诉状副本">{s.servedOn}</Descriptions.Item>
            <Descriptions.Item label="被诉行政行为" span={2}>{s.challengedAct}</Descriptions.Item>
            <Descriptions.Item label="起诉前经过行政复议">{s.reconsidered ? '是' : '否'}</Descriptions.Item>
            <Descriptions.Item label="诉讼请求" span={3}>{s.claims}</Descriptions.Item>
            <Descriptions.Item label="答辩">{s.answeredOn ? `${s.answeredOn}已提交` : '尚未提交'}</Descriptions.Item>
            <Descriptions.Item label="委托代理人">{[s.agents, s.counsel ? `${s.counsel.name}律师（${s.counsel.firmName}）` : null].filter(Boolean).join('；') || '—'}</Descriptions.Item>
            <Descriptions.Item label="上诉">{s.appealedBy === 'agency' ? '本机关提起上诉' : s.appealedBy === 'opponent' ? '对方当事人上诉' : '—'}</Descriptions.Item>
            {s.finalOutcome ? <Descriptions.Item label="生效裁判结果">{`${s.finalOutcome}（${s.closedOn}结案）`}</Descriptions.Item> : null}
          </Descriptions>
        </ProCard>
        {d.clocks.length ? <ProCard title="期限"><ClockCards clocks={d.clocks} /></ProCard> : null}
        {answer ? <AnswerForm caseId={d.id} action={answer} onDone={refresh} /> : null}
        <ProCard title="开庭和出庭应诉情况" data-testid="hearings">
          <Table rowKey="id" size="small" pagination={false} dataSource={s.hearings} locale={{ emptyText: '尚未开庭' }}
            columns={[
              { title: '审级', dataIndex: 'instance', width: 70, render: (v: number) => (v === 2 ? '二审' : '一审') },
              { title: '开庭日期', dataIndex: 'heldOn', width: 120 },
              { title: '出庭情况', dataIndex: 'appearance', width: 120, render: (v: string) => <Tag color={(HEAD_APPEARANCES as readonly string[]).includes(v) ? 'green' : 'red'}>{v}</Tag> },
              { title: '出庭负责人', dataIndex: 'headName', render: (v: string | null, h) => (v ? `${v}${h.spoke ? '（发表意见）' : ''}` : '—') },
              { title: '出庭工作人员', dataIndex: 'staffNames', render: (v: string | null) => v ?? '—' },
              { title: '负责人未出庭理由', dataIndex: 'absenceReason', render: (v: string | null) => v ?? '—' },
            ]} />
        </ProCard>
        {hearingAction ? <HearingForm action={hearingAction} onDone={refresh} /> : null}
        <ProCard title="裁判" data-testid="decisions">
          <Table rowKey="id" size="small" pagination={false} dataSource={s.decisions} locale={{ emptyText: '尚未裁判' }}
            columns={[
              { title: '审级', dataIndex: 'instance', width: 70, render: (v: number) => (v === 2 ? '二审' : '一审') },
              { title: '类别', dataIndex: 'kind', width: 110 }, { title: '结果', dataIndex: 'outcome' }, { title: '日期', dataIndex: 'decidedOn', width: 120 },
              { title: '送达日期', dataIndex: 'servedOn', width: 120, render: (v: string | null) => v ?? '—' },
              { title: '裁判要旨', dataIndex: 'summary', render: (v: string | null) => v ?? '—' },
            ]} />
        </ProCard>
        <ProCard title="司法建议" data-testid="advice">
          <Space direction="vertical" style={{ width: '100%' }}>
            <Table rowKey="id" size="small" pagination={false} dataSource={s.advice} locale={{ emptyText: '无' }}
              columns={[
                { title: '编号', dataIndex: 'refNo', render: (v: string, a) => <Link to={`/cases/${a.id}`}>{v}</Link> },
                { title: '法院', dataIndex: 'court' }, { title: '文号', dataIndex: 'adviceNo' }, { title: '收到日期', dataIndex: 'receivedOn' },
                { title: '建议内容', dataIndex: 'content' }, { title: '状态', dataIndex: 'stateName' },
              ]} />
            {hasPermission(me, 'judicialAdvice.handle') ? <AdviceForm caseId={d.id} onDone={refresh} /> : null}
          </Space>
        </ProCard>
        <LinkedCases links={d.links} hidden={d.hiddenLinks} />
        <ProCard title="办理过程"><CaseTimeline events={d.events} /></ProCard>
      </ProCard>
    </PageContainer>
  );
}

const FIGURES = ['litigation.received', 'litigation.closed', 'litigation.pending', 'litigation.headAppearanceRate', 'litigation.lossRate'];

/** The year's figures as the annual report prints them, each opening its records. */
export function LitigationFiguresPage() {
  const [year, setYear] = useState(siteYear());
  const today = siteToday();
  const to = `${year}-12-31` < today ? `${year}-12-31` : today;
  const query = { from: `${year}-01-01`, to };
  const figures = useLitigationFigures(FIGURES, query);
  return (
    <PageContainer title="行政应诉统计" extra={<InputNumber min={2019} max={2100} value={year} onChange={(v) => v && setYear(v)} />}>
      {figures.error ? <Alert type="error" message={figures.error.message} /> : null}
      <Space wrap size={16} align="start">
        {(figures.data ?? []).map((m) => (
          <Card key={m.key} size="small" style={{ width: 300 }} data-testid={`figure-${m.key}`}>
            <Statistic title={m.label} value={m.unit === 'rate' ? (m.value === null ? '—' : `${(m.value * 100).toFixed(1)}%`) : m.numerator} suffix={m.unit === 'count' ? '件' : undefined} />
            {m.unit === 'rate' ? <Typography.Text type="secondary">{m.numerator}/{m.denominator ?? 0}</Typography.Text> : null}
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }} ellipsis={{ rows: 3, expandable: true, symbol: '口径' }}>{m.definition}</Typography.Paragraph>
            <Link to={`/metrics/${m.key}/records?${qs({ ...query, divisionCode: m.query.divisionCode })}`}>查看明细</Link>
          </Card>
        ))}
      </Space>
    </PageContainer>
  );
}

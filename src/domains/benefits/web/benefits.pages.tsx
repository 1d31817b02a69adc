/**
 * 免申即享 for staff: a policy's page (structured editor, 政策沙盘, review and publication through the
 * case's actions, versions), the county scan with its progress and results (each with its explanation),
 * payout batches with their ledger and reconciliation, 应享未享, and the register's imports.
 */
import { fmtTime, siteYear, siteToday } from '../../../core/web/time';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Form, Input, InputNumber, List, Progress, Row, Select, Space, Statistic, Table, Tabs, Tag, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { ApiError, type ApiBody, type ApiResponse } from '../../../core/web/api';
import { useCase } from '../../../core/web/case.hooks';
import { ActionButtons, CaseTimeline, ClockCards } from '../../../core/web/case-parts';
import { StatusTag } from '../../../core/web/status';
import { hasPermission, useMe } from '../../../core/web/auth';
import { FACT_SOURCES } from '../shared/benefits.facts';
import { BATCH_STATE_LABELS, CHANNEL_LABELS, OUTCOME_LABELS, RECURRENCE_LABELS } from '../shared/benefits.labels';
import { DEMO_POLICIES, MODES } from '../shared/benefits.policies';
import type { Amount, PolicyTerms, Rule } from '../shared/benefits.rule';
import { AmountEditor, RuleEditor } from './policy-editor';
import {
  useBatches, useCreatePayout, useCreatePolicy, useImport, usePayout, usePayouts, usePlatformPull, usePolicyDetail, useReconcile, useResults, useSandbox, useSaveDraft,
  useScans, useStartScan, useUnclaimed,
} from './benefits.hooks';

type PolicyBody = ApiBody<'/api/benefit-policies'>;
type ResultItem = ApiResponse<'/api/benefits/results'>['items'][number];
const today = () => siteToday();
const yuan = (fen: number | null | undefined) => (fen === null || fen === undefined ? '—' : `${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}元`);

const blankTerms = (): PolicyTerms => ({
  eligibility: { all: [{ label: '登记状态为存续', left: { kind: 'fact', fact: 'regStatus' }, op: '==', value: '存续' }, { not: { label: '列入严重失信主体名单', left: { kind: 'fact', fact: 'dishonest' }, op: '==', value: true } }] },
  amount: { kind: 'fixed', fen: 1_000_000 },
});

// ---------------------------------------------------------------- the editor form

function PolicyForm({ initial, onSave, saving, error }: { initial: PolicyBody; onSave: (b: PolicyBody) => void; saving: boolean; error: Error | null }) {
  const [form] = Form.useForm();
  const [terms, setTerms] = useState<PolicyTerms>(initial.terms as unknown as PolicyTerms);
  const [subject, setSubject] = useState<'enterprise' | 'person'>(initial.subjectKind);
  useEffect(() => { if (error instanceof ApiError && error.fields.length) form.setFields(error.fields.filter((f) => !f.path.startsWith('terms') && !f.path.includes('.')).map((f) => ({ name: f.path, errors: [f.message] }))); }, [error, form]);
  const split = terms.splitPct?.join('/') ?? '';
  return (
    <Form form={form} layout="vertical" data-testid="policy-editor"
      initialValues={{ ...initial, validFrom: dayjs(initial.validFrom), validTo: initial.validTo ? dayjs(initial.validTo) : null, budgetYuan: initial.budgetFen ? initial.budgetFen / 100 : null }}
      onValuesChange={(v) => { if (v.subjectKind) setSubject(v.subjectKind); }}
      onFinish={(v) => onSave({
        code: v.code, name: v.name, docNo: v.docNo, article: v.article, issuer: v.issuer, mode: v.mode, subjectKind: v.subjectKind, recurrence: v.recurrence,
        exclusiveGroup: v.exclusiveGroup || null, budgetFen: v.budgetYuan ? Math.round(v.budgetYuan * 100) : null,
        validFrom: v.validFrom.format('YYYY-MM-DD'), validTo: v.validTo ? v.validTo.format('YYYY-MM-DD') : null, terms: terms as unknown as PolicyBody['terms'],
      })}>
      <Row gutter={12}>
        <Col xs={24} md={6}><Form.Item name="code" label="事项编号" rules={[{ required: true, message: '请填写事项编号' }]}><Input maxLength={20} /></Form.Item></Col>
        <Col xs={24} md={10}><Form.Item name="name" label="政策名称" rules={[{ required: true, message: '请填写政策名称' }]}><Input maxLength={60} /></Form.Item></Col>
        <Col xs={24} md={8}><Form.Item name="issuer" label="发布机关" rules={[{ required: true, message: '请填写发布机关' }]}><Input maxLength={60} /></Form.Item></Col>
        <Col xs={24} md={10}><Form.Item name="docNo" label="文号" rules={[{ required: true, message: '请填写文号' }]}><Input maxLength={60} /></Form.Item></Col>
        <Col xs={24} md={6}><Form.Item name="article" label="条款" rules={[{ required: true, message: '请填写条款' }]}><Input maxLength={60} /></Form.Item></Col>
        <Col xs={24} md={8}><Form.Item name="mode" label="兑现方式"><Select options={MODES.map((m) => ({ value: m, label: m }))} /></Form.Item></Col>
        <Col xs={24} md={6}><Form.Item name="subjectKind" label="兑现对象"><Select options={[{ value: 'enterprise', label: '企业' }, { value: 'person', label: '个人' }]} /></Form.Item></Col>
        <Col xs={24} md={8}><Form.Item name="recurrence" label="一次性或按年度"><Select options={Object.entries(RECURRENCE_LABELS).map(([value, label]) => ({ value, label }))} /></Form.Item></Col>
        <Col xs={24} md={5}><Form.Item name="exclusiveGroup" label="就高不重复分组" extra="同组政策只按最高一项兑现"><Input maxLength={20} /></Form.Item></Col>
        <Col xs={24} md={5}><Form.Item name="budgetYuan" label="资金预算（元）"><InputNumber min={0} style={{ width: '100%' }} /></Form.Item></Col>
        <Col xs={12} md={5}><Form.Item name="validFrom" label="有效期起" rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item></Col>
        <Col xs={12} md={5}><Form.Item name="validTo" label="有效期止"><DatePicker /></Form.Item></Col>
      </Row>
      <Typography.Title level={5}>兑现条件</Typography.Title>
      <RuleEditor rule={terms.eligibility} subject={subject} onChange={(r: Rule) => setTerms({ ...terms, eligibility: r })} />
      <Typography.Title level={5}>兑现金额</Typography.Title>
      <AmountEditor amount={terms.amount} subject={subject} onChange={(a: Amount) => setTerms({ ...terms, amount: a })} />
      <div style={{ marginTop: 8 }}>
        <Space>
          <span>分年兑付比例（%，如40/60，不填为一次兑付）</span>
          <Input aria-label="分年兑付比例" style={{ width: 120 }} defaultValue={split} onChange={(e) => { const xs = e.target.value.split(/[/,，、]/).map((x) => Number(x.trim())).filter((x) => x > 0); setTerms({ ...terms, splitPct: xs.length > 1 ? xs : undefined }); }} />
        </Space>
      </div>
      {error ? <Alert type="error" showIcon style={{ marginTop: 12 }} message={error.message} description={error instanceof ApiError && error.fields.length ? error.fields.map((f) => `${f.path}：${f.message}`).join('；') : undefined} /> : null}
      <Button type="primary" htmlType="submit" loading={saving} style={{ marginTop: 12 }}>保存草稿</Button>
    </Form>
  );
}

export function NewPolicyPage() {
  const navigate = useNavigate();
  const create = useCreatePolicy({ done: (r) => navigate(`/benefits/policies/${r.id}`) });
  const [template, setTemplate] = useState<string>('');
  const spec = DEMO_POLICIES.find((p) => p.code === template);
  const initial: PolicyBody = spec
    ? { code: `${spec.code}-${siteToday().replaceAll('-', '').slice(2)}`, name: spec.name, docNo: spec.docNo, article: spec.article, issuer: spec.issuer, mode: spec.mode, subjectKind: spec.subject, recurrence: spec.recurrence, exclusiveGroup: spec.exclusiveGroup, budgetFen: spec.budgetFen, validFrom: `${siteYear()}-01-01`, validTo: null, terms: spec.terms as unknown as PolicyBody['terms'] }
    : { code: '', name: '', docNo: '', article: '', issuer: '', mode: '免申即享', subjectKind: 'enterprise', recurrence: 'once', exclusiveGroup: null, budgetFen: null, validFrom: today(), validTo: null, terms: blankTerms() as unknown as PolicyBody['terms'] };
  return (
    <PageContainer title="起草惠企政策兑现事项">
      <Card>
        <Space style={{ marginBottom: 12 }}>
          <span>从示例政策开始</span>
          <Select aria-label="示例政策" allowClear style={{ width: 280 }} value={template || undefined} onChange={(v) => setTemplate(v ?? '')} options={DEMO_POLICIES.map((p) => ({ value: p.code, label: `${p.code} ${p.name}` }))} />
        </Space>
        <PolicyForm key={template} initial={initial} saving={create.isPending} error={create.error} onSave={(b) => create.mutate(b)} />
      </Card>
    </PageContainer>
  );
}

function SandboxCard({ id, sandbox, canRun }: { id: string; sandbox: ApiResponse<'/api/benefit-policies/{id}/detail'>['sandbox']; canRun: boolean }) {
  const { message } = App.useApp();
  const [snapshot, setSnapshot] = useState(today());
  const run = useSandbox(id, { done: () => message.success('政策沙盘已试算'), failed: (e) => message.error(e.message) });
  return (
    <Card title="政策沙盘（发布前试算）" size="small" data-testid="sandbox">
      {canRun ? (
        <Space style={{ marginBottom: 12 }}>
          <span>比对基准日</span><DatePicker value={dayjs(snapshot)} onChange={(d) => setSnapshot(d ? d.format('YYYY-MM-DD') : today())} allowClear={false} />
          <Button type="primary" loading={run.isPending} onClick={() => run.mutate(snapshot)}>运行政策沙盘</Button>
        </Space>
      ) : null}
      {sandbox ? (
        <div data-testid="sandbox-result">
          <Row gutter={12}>
            <Col span={6}><Statistic title="登记库对象" value={sandbox.scanned} /></Col>
            <Col span={6}><Statistic title="拟惠及" value={sandbox.eligible} suffix="户" /></Col>
            <Col span={6}><Statistic title="拟兑现资金" value={sandbox.amountYuan} suffix="元" /></Col>
            <Col span={6}><Statistic title="差一项条件" value={sandbox.nearMisses} suffix="户" /></Col>
          </Row>
          {sandbox.overBudget ? <Alert type="warning" showIcon style={{ marginTop: 8 }} message={`拟兑现资金超过预算（${yuan(sandbox.budgetFen)}）`} /> : null}
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>基准日{sandbox.snapshot}。差一项条件的主要原因：{sandbox.byFailedCondition.map((x) => `${x.label}（${x.n}户）`).join('；') || '无'}</Typography.Paragraph>
        </div>
      ) : <Typography.Text type="secondary">尚未试算。送合法性审查前须运行政策沙盘。</Typography.Text>}
    </Card>
  );
}

export function PolicyPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const { message } = App.useApp();
  const c = useCase(id);
  const d = usePolicyDetail(id);
  const save = useSaveDraft(id, { done: () => message.success('草稿已保存'), failed: (e) => message.error(e.message) });
  if (!c.data || !d.data) return <PageContainer loading />;
  const cs = c.data;
  const draft = d.data.versions.find((v) => v.status === 'draft');
  const current = d.data.versions.find((v) => v.status === 'published');
  const editable = cs.state === 'drafting' && hasPermission(me, 'benefitPolicy.author') && !!draft;
  const toBody = (v: NonNullable<typeof draft>): PolicyBody => ({ ...v, mode: v.mode as PolicyBody['mode'], terms: v.terms as PolicyBody['terms'] });
  return (
    <PageContainer title={`${cs.title}`} subTitle={cs.refNo} tags={<StatusTag name={cs.stateName} color={cs.stateColor} />}>
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Card size="small" title="办理"><ActionButtons caseId={id} actions={cs.actions} onDone={() => void d.refetch()} /></Card>
        <ClockCards clocks={cs.clocks} />
        <SandboxCard id={id} sandbox={d.data.sandbox} canRun={cs.state !== 'retired' && (hasPermission(me, 'benefitPolicy.author') || hasPermission(me, 'benefitPolicy.review') || hasPermission(me, 'benefitPolicy.approve'))} />
        {editable && draft ? (
          <Card title={`第${draft.version}版草稿`}><PolicyForm key={draft.id} initial={toBody(draft)} saving={save.isPending} error={save.error} onSave={(b) => save.mutate(b)} /></Card>
        ) : null}
        <Card title="版本" size="small">
          <Table size="small" rowKey="id" pagination={false} dataSource={d.data.versions} columns={[
            { title: '版本', dataIndex: 'version', render: (v: number) => `第${v}版` },
            { title: '状态', dataIndex: 'status', render: (s: string) => <Tag color={s === 'published' ? 'green' : s === 'draft' ? 'blue' : 'default'}>{s === 'published' ? '现行' : s === 'draft' ? '草稿' : '已替代'}</Tag> },
            { title: '文号和条款', render: (_: unknown, v) => `${v.docNo} ${v.article}` },
            { title: '兑现方式', dataIndex: 'mode' },
            { title: '有效期', render: (_: unknown, v) => `${v.validFrom} 至 ${v.validTo ?? '长期'}` },
            { title: '发布时间', dataIndex: 'publishedAt', render: (x: string | null) => fmtTime(x) },
          ]} />
          {current && !editable ? <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>现行第{current.version}版自{current.publishedAt ? dayjs(current.publishedAt).format('YYYY-MM-DD') : ''}起用于全县比对；兑现记录引用所依据的版本。</Typography.Paragraph> : null}
        </Card>
        <Card size="small" title="办理过程"><CaseTimeline events={cs.events} /></Card>
      </Space>
    </PageContainer>
  );
}

// ---------------------------------------------------------------- results

function Explanation({ r }: { r: ResultItem }) {
  return (
    <Table size="small" rowKey="label" pagination={false} dataSource={r.explanation} columns={[
      { title: '条件', dataIndex: 'label' }, { title: '数据项', dataIndex: 'fact' }, { title: '登记数据', dataIndex: 'value' },
      { title: '要求', render: (_: unknown, x) => `${x.op}${x.threshold}` }, { title: '结果', dataIndex: 'ok', render: (ok: boolean) => (ok ? <Tag color="green">满足</Tag> : <Tag color="red">不满足</Tag>) },
    ]} />
  );
}

function ResultsTable({ scanId, outcome }: { scanId?: string; outcome: 'eligible' | 'nearMiss' | 'excluded' | 'overBudget' }) {
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const res = useResults({ scanId, outcome, page, pageSize: 20, ...(q ? { q } : {}) });
  return (
    <>
      <Input.Search placeholder="企业名称或统一社会信用代码" allowClear style={{ width: 320, marginBottom: 8 }} onSearch={(v) => { setQ(v.trim()); setPage(1); }} />
      <Table<ResultItem> size="small" rowKey="id" loading={res.isLoading} dataSource={res.data?.items ?? []} data-testid={`results-${outcome}`}
        pagination={{ current: page, total: res.data?.total ?? 0, pageSize: 20, onChange: setPage, showTotal: (n) => `共${n}条` }}
        expandable={{ expandedRowRender: (r) => <Explanation r={r} /> }}
        columns={[
          { title: '兑现对象', dataIndex: 'subjectName' }, { title: '证件号码', dataIndex: 'subjectCode' },
          { title: '政策', render: (_: unknown, r) => `${r.policyName}（第${r.version}版）` },
          ...(outcome === 'eligible' ? [{ title: '金额', dataIndex: 'amountYuan', render: (x: string) => `${x}元` }, { title: '兑现进度', dataIndex: 'payStateName' }] : []),
          ...(outcome === 'nearMiss' ? [{ title: '未满足的条件', dataIndex: 'failed' }] : []),
          ...(outcome === 'overBudget' ? [{ title: '应兑现金额', dataIndex: 'amountYuan', render: (x: string) => `${x}元` }] : []),
          ...(outcome === 'excluded' || outcome === 'overBudget' ? [{ title: '说明', dataIndex: 'note' }] : []),
        ]} />
    </>
  );
}

export function ScansPage() {
  const { message } = App.useApp();
  const me = useMe();
  const scans = useScans();
  const [snapshot, setSnapshot] = useState(today());
  const start = useStartScan({ done: () => message.success('已发起全县比对'), failed: (e) => message.error(e.message) });
  // The results shown are the newest finished scan's: a running scan has none yet, and when it finishes
  // its id becomes this key, so its results are fetched then rather than stay the empty list of its start.
  const latest = scans.data?.find((s) => s.state === 'done');
  return (
    <PageContainer title="全县数据比对">
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        {hasPermission(me, 'benefits.scan') ? (
          <Card size="small">
            <Space>
              <span>比对基准日</span><DatePicker value={dayjs(snapshot)} allowClear={false} onChange={(d) => setSnapshot(d ? d.format('YYYY-MM-DD') : today())} />
              <Button type="primary" loading={start.isPending} onClick={() => start.mutate(snapshot)}>发起全县比对</Button>
              <Typography.Text type="secondary">按现行有效的全部兑现事项，比对登记库中的全部企业和个人；结果公示并通知企业。</Typography.Text>
            </Space>
          </Card>
        ) : null}
        <Card size="small" title="比对任务">
          <Table size="small" rowKey="id" pagination={false} dataSource={scans.data ?? []} data-testid="scans" columns={[
            { title: '基准日', dataIndex: 'snapshot' },
            { title: '进度', render: (_: unknown, s) => <Progress style={{ width: 180 }} size="small" percent={s.total ? Math.round((s.done / s.total) * 100) : s.state === 'done' ? 100 : 0} status={s.state === 'failed' ? 'exception' : s.state === 'done' ? 'success' : 'active'} /> },
            { title: '状态', dataIndex: 'state', render: (x: string) => ({ queued: '排队中', running: '比对中', done: '已完成', failed: '失败' })[x] ?? x },
            { title: '符合条件', dataIndex: 'eligible' }, { title: '差一项条件', dataIndex: 'nearMisses' }, { title: '拟兑现资金', dataIndex: 'amountFen', render: (x: number) => yuan(x) },
            { title: '预算不足未兑现', render: (_: unknown, s) => (s.overBudget ? <Typography.Text type="warning">{s.overBudget}项，{yuan(s.overBudgetFen)}元</Typography.Text> : 0) },
          ]} />
        </Card>
        {latest ? (
          <Card size="small" title={`比对结果（基准日${latest.snapshot}）`}>
            <Tabs items={(['eligible', 'nearMiss', 'excluded', 'overBudget'] as const).map((o) => ({ key: o, label: OUTCOME_LABELS[o], children: <ResultsTable scanId={latest.id} outcome={o} /> }))} />
          </Card>
        ) : null}
      </Space>
    </PageContainer>
  );
}

// ---------------------------------------------------------------- payouts

function PayoutDetail({ id }: { id: string }) {
  const { message } = App.useApp();
  const b = usePayout(id);
  const [failed, setFailed] = useState<string[]>([]);
  const rec = useReconcile(id, { done: () => message.success('已对账'), failed: (e) => message.error(e.message) });
  if (!b.data) return null;
  const x = b.data;
  return (
    <Card size="small" title={`拨付批次 ${x.no}`} data-testid="payout-detail">
      <Descriptions size="small" column={3} items={[
        { label: '状态', children: BATCH_STATE_LABELS[x.state] ?? x.state }, { label: '笔数', children: x.count }, { label: '拨付金额', children: `${x.totalYuan}元` },
        { label: '拨付日期', children: x.paidOn }, { label: '台账净额', children: yuan(x.netFen) }, { label: '对账', children: x.reconcileNote ?? '—' },
      ]} />
      <Table size="small" rowKey="id" pagination={false} dataSource={x.ledger ?? []}
        rowSelection={x.state === 'paid' ? { selectedRowKeys: failed, onChange: (k) => setFailed(k as string[]), getCheckboxProps: (r) => ({ disabled: r.kind !== 'payment' }) } : undefined}
        columns={[
          { title: '兑现对象', dataIndex: 'subjectName' }, { title: '政策（版本）', render: (_: unknown, r) => `${r.policyName}（第${r.version}版）` },
          { title: '类型', dataIndex: 'kind', render: (k: string) => (k === 'payment' ? '拨付' : '冲回') }, { title: '金额', dataIndex: 'amountYuan', render: (a: string) => `${a}元` },
          { title: '期次', dataIndex: 'instalment' }, { title: '日期', dataIndex: 'paidOn' }, { title: '说明', dataIndex: 'reason' },
        ]} />
      {x.state === 'paid' ? (
        <Space style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">勾选银行退回的笔数（无退回则直接对账）</Typography.Text>
          <Button type="primary" loading={rec.isPending} onClick={() => rec.mutate({ failedResultIds: (x.ledger ?? []).filter((l) => failed.includes(l.id)).map((l) => l.resultId) })}>完成对账</Button>
        </Space>
      ) : null}
    </Card>
  );
}

export function PayoutsPage() {
  const { message } = App.useApp();
  const me = useMe();
  const list = usePayouts();
  const [open, setOpen] = useState<string | null>(null);
  const [paidOn, setPaidOn] = useState(today());
  const create = useCreatePayout({ done: (r) => { message.success('已生成拨付批次'); setOpen((r as { id: string }).id); }, failed: (e) => message.error(e.message) });
  return (
    <PageContainer title="拨付和对账">
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        {hasPermission(me, 'benefits.pay') ? (
          <Card size="small">
            <Space><span>拨付日期</span><DatePicker value={dayjs(paidOn)} allowClear={false} onChange={(d) => setPaidOn(d ? d.format('YYYY-MM-DD') : today())} />
              <Button type="primary" loading={create.isPending} onClick={() => create.mutate({ paidOn })}>生成拨付批次</Button>
              <Typography.Text type="secondary">纳入公示期满、已确认收款账户的兑现事项；分年兑付的按年拨付当期。</Typography.Text></Space>
          </Card>
        ) : null}
        <Table size="small" rowKey="id" pagination={false} dataSource={list.data ?? []} data-testid="payouts"
          onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
          columns={[{ title: '批次号', dataIndex: 'no' }, { title: '状态', dataIndex: 'state', render: (s: string) => BATCH_STATE_LABELS[s] ?? s }, { title: '笔数', dataIndex: 'count' }, { title: '金额', dataIndex: 'totalYuan', render: (x: string) => `${x}元` }, { title: '拨付日期', dataIndex: 'paidOn' }]} />
        {open ? <PayoutDetail id={open} /> : null}
      </Space>
    </PageContainer>
  );
}

export function UnclaimedPage() {
  const u = useUnclaimed();
  return (
    <PageContainer title="应享未享" subTitle={u.data ? `公示期满${u.data.days}日仍未拨付的兑现事项` : undefined}>
      <Table<ResultItem> size="small" rowKey="id" loading={u.isLoading} dataSource={u.data?.items ?? []} expandable={{ expandedRowRender: (r) => <Explanation r={r} /> }}
        columns={[{ title: '兑现对象', dataIndex: 'subjectName' }, { title: '证件号码', dataIndex: 'subjectCode' }, { title: '政策', dataIndex: 'policyName' }, { title: '金额', dataIndex: 'amountYuan', render: (x: string) => `${x}元` }, { title: '公示期满', dataIndex: 'publicityEnds' }, { title: '进度', dataIndex: 'payStateName' }]} />
    </PageContainer>
  );
}

// ---------------------------------------------------------------- register

export function RegisterPage() {
  const { message } = App.useApp();
  const batches = useBatches();
  const [source, setSource] = useState<keyof typeof FACT_SOURCES>('social');
  const [asOf, setAsOf] = useState(today());
  const imp = useImport({ done: (r) => message.success(`已导入${r.rows}行、${r.facts}项数据`) });
  const pull = usePlatformPull({ done: (r) => message.success(`已从${r.adapter ?? '平台'}导入${r.rows}行`), failed: (e) => message.error(e.message) });
  const upload = async (file: File) => {
    const buf = new Uint8Array(await file.arrayBuffer());
    let bin = '';
    for (let i = 0; i < buf.length; i += 0x8000) bin += String.fromCharCode(...buf.subarray(i, i + 0x8000));
    imp.mutate({ source, asOf, fileName: file.name, contentBase64: btoa(bin) });
    return false;
  };
  const err = imp.error instanceof ApiError ? imp.error : null;
  return (
    <PageContainer title="登记库数据归集">
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Card size="small" title="导入部门交换文件（CSV或xlsx）">
          <Space wrap>
            <Select aria-label="数据来源部门" style={{ width: 160 }} value={source} onChange={setSource} options={Object.entries(FACT_SOURCES).map(([value, label]) => ({ value, label }))} />
            <DatePicker aria-label="数据截止日期" value={dayjs(asOf)} allowClear={false} onChange={(d) => setAsOf(d ? d.format('YYYY-MM-DD') : today())} />
            <Upload accept=".csv,.xlsx" showUploadList={false} beforeUpload={(f) => { void upload(f); return false; }}><Button type="primary" loading={imp.isPending}>选择文件并导入</Button></Upload>
            <Button loading={pull.isPending} onClick={() => pull.mutate({ source, asOf })}>从数据共享平台拉取</Button>
          </Space>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>第一行为表头：统一社会信用代码（或身份证号）、名称（或姓名）、各数据项中文名称。证件号码逐行校验；任一行有误时整个文件不导入。</Typography.Paragraph>
          {err ? <Alert type="error" showIcon message={err.message} description={<List size="small" dataSource={err.fields} renderItem={(f) => <List.Item>{f.path}：{f.message}</List.Item>} />} /> : null}
        </Card>
        <Table size="small" rowKey="id" pagination={false} dataSource={batches.data ?? []} columns={[
          { title: '来源', dataIndex: 'source' }, { title: '方式', dataIndex: 'channel', render: (c: string) => CHANNEL_LABELS[c] ?? c }, { title: '文件', dataIndex: 'fileName' },
          { title: '截止日期', dataIndex: 'asOf' }, { title: '行数', dataIndex: 'rows' }, { title: '数据项', dataIndex: 'facts' }, { title: '导入人', dataIndex: 'createdBy' },
          { title: '批次号', dataIndex: 'id', render: (x: string) => x.slice(0, 8) },
        ]} />
      </Space>
    </PageContainer>
  );
}

/**
 * 案卷评查 for the justice bureau: the campaigns, a new campaign (units, files per unit, period; the
 * default provincial score sheet unless edited), a campaign's page (the draw with its seed, paper files,
 * files with their pre-check and scores, 下发整改 per unit, 约谈 and 追责), and the score sheet of one file
 * (veto items pre-checked from the case data, deductions per item with a note). A unit's rectification is
 * a case: the generic case page shows and moves it.
 */
import { siteYear, siteTodayDayjs } from '../../../core/web/time';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Spin, Switch, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { ApiError, type ApiBody } from '../../../core/web/api';
import { CAMPAIGN_KINDS } from '../shared/case-file-review.schema';
import { DEFAULT_SHEET } from '../shared/case-file-review.rules';
import {
  useAddFile, useAddMeasure, useCampaign, useCampaigns, useCreateCampaign, useIssueRectification, useRescoreFile, useReviewFile, useSample, useScoreFile, useUnitOptions, type ReviewFile,
} from './case-file-review.hooks';

const day = (v: unknown) => (dayjs.isDayjs(v) ? v.format('YYYY-MM-DD') : v);
const fieldErrors = (form: ReturnType<typeof Form.useForm>[0], e: unknown) => {
  if (e instanceof ApiError && e.fields.length) form.setFields(e.fields.map((f) => ({ name: f.path.split('.'), errors: [f.message] })));
};
const GRADE_COLORS: Record<string, string> = { excellent: 'green', pass: 'blue', fail: 'red' };
const TIER_LABELS: Record<string, string> = { veto: '否决项', form: '卷面', content: '内容' };
const GRADE_TEXT: Record<string, string> = { excellent: '优秀', pass: '合格', fail: '不合格' };
const STATE_LABELS: Record<string, string> = { issued: '已下发整改通知', rectifying: '整改中', reported: '待验收', accepted: '整改验收通过' };

export function CampaignListPage() {
  const list = useCampaigns();
  const navigate = useNavigate();
  return (
    <PageContainer title="案卷评查" extra={<Button type="primary" onClick={() => navigate('/case-file-review/new')}>新建评查活动</Button>}>
      <Table rowKey="id" loading={list.isLoading} dataSource={list.data ?? []} pagination={false} data-testid="campaigns"
        columns={[
          { title: '评查活动', dataIndex: 'name', render: (v, r) => <Link to={`/case-file-review/${r.id}`}>{v}</Link> },
          { title: '年度', dataIndex: 'year' }, { title: '类别', dataIndex: 'kind' },
          { title: '期限', render: (_, r) => `${r.startOn} 至 ${r.endOn}` },
          { title: '案卷', render: (_, r) => `${r.scored}/${r.files}本已评` },
          { title: '不合格', dataIndex: 'failed' },
          { title: '问题', render: (_, r) => `${r.problems}个（已整改${r.fixed}个）` },
        ]} />
    </PageContainer>
  );
}

export function NewCampaignPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const units = useUnitOptions();
  const [sheet, setSheet] = useState(DEFAULT_SHEET.map((i) => ({ ...i })));
  const create = useCreateCampaign({ done: (r) => { message.success('评查活动已建立'); navigate(`/case-file-review/${r.id}`); }, failed: (e) => { fieldErrors(form, e); message.error(e.message); } });
  const total = sheet.filter((i) => i.tier !== 'veto').reduce((s, i) => s + i.points, 0);
  return (
    <PageContainer title="新建评查活动">
      <Card style={{ maxWidth: 960 }}>
        <Form form={form} layout="vertical" initialValues={{ year: siteYear(), kind: '行政处罚', filesPerOrg: 10, startOn: siteTodayDayjs(), endOn: siteTodayDayjs().add(30, 'day') }}
          onFinish={(v) => create.mutate({ ...v, startOn: day(v.startOn), endOn: day(v.endOn), sheet } as ApiBody<'/api/case-file-review/campaigns'>)}>
          <Space wrap align="start">
            <Form.Item name="name" label="评查活动名称" rules={[{ required: true, message: '请填写评查活动名称' }]}><Input maxLength={100} style={{ width: 360 }} /></Form.Item>
            <Form.Item name="year" label="评查年度"><InputNumber min={2000} max={2100} /></Form.Item>
            <Form.Item name="kind" label="案卷类别"><Select style={{ width: 140 }} options={CAMPAIGN_KINDS.map((k) => ({ value: k, label: k }))} /></Form.Item>
          </Space>
          <Form.Item name="orgIds" label="被抽查单位" rules={[{ required: true, message: '请至少选择一个被抽查单位' }]}>
            <Select mode="multiple" loading={units.isLoading} optionFilterProp="label" options={(units.data ?? []).map((o) => ({ value: o.id, label: o.name }))} />
          </Form.Item>
          <Space wrap align="start">
            <Form.Item name="filesPerOrg" label="每个单位抽查案卷数"><InputNumber min={1} max={100} /></Form.Item>
            <Form.Item name="startOn" label="开始日期"><DatePicker /></Form.Item>
            <Form.Item name="endOn" label="截止日期"><DatePicker /></Form.Item>
          </Space>
          <Form.Item name="plan" label="实施方案"><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
          <Typography.Title level={5}>评查表（默认为常见的省级评查标准：否决项一票否决，卷面20分、内容80分）</Typography.Title>
          <Table rowKey="key" size="small" pagination={false} dataSource={sheet}
            columns={[
              { title: '类别', dataIndex: 'tier', width: 80, render: (v) => TIER_LABELS[v] },
              { title: '评查项目', dataIndex: 'label', render: (v, _r, i) => <Input value={v} onChange={(e) => setSheet(sheet.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)))} /> },
              { title: '分值', dataIndex: 'points', width: 100, render: (v, r, i) => (r.tier === 'veto' ? '—' : <InputNumber min={1} max={100} value={v} onChange={(n) => setSheet(sheet.map((x, j) => (j === i ? { ...x, points: Number(n ?? 0) } : x)))} />) },
              { title: '系统预评', dataIndex: 'auto', width: 90, render: (v) => (v ? <Tag>自动</Tag> : null) },
              { title: '', width: 60, render: (_v, _r, i) => <Button size="small" type="link" danger onClick={() => setSheet(sheet.filter((_x, j) => j !== i))}>删除</Button> },
            ]} />
          <Typography.Paragraph type={total === 100 ? 'secondary' : 'danger'}>评分项合计：{total}分（应为100分）</Typography.Paragraph>
          <Button type="primary" htmlType="submit" loading={create.isPending}>建立评查活动</Button>
        </Form>
      </Card>
    </PageContainer>
  );
}

export function CampaignPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const c = useCampaign(id);
  const [paperOpen, setPaperOpen] = useState(false);
  const [measureOpen, setMeasureOpen] = useState(false);
  const [paper] = Form.useForm();
  const [measure] = Form.useForm();
  const failed = (e: Error) => message.error(e.message);
  const sample = useSample(id, { done: () => message.success('已随机抽取案卷'), failed });
  const addFile = useAddFile(id, { done: () => { setPaperOpen(false); paper.resetFields(); message.success('已登记纸质案卷'); }, failed: (e) => { fieldErrors(paper, e); failed(e); } });
  const issue = useIssueRectification(id, { done: () => message.success('已下发整改通知'), failed });
  const addMeasure = useAddMeasure(id, { done: () => { setMeasureOpen(false); measure.resetFields(); message.success('已记录'); }, failed: (e) => { fieldErrors(measure, e); failed(e); } });
  if (!c.data) return <Spin />;
  const d = c.data;
  const units = d.units.map((u) => ({ value: u.orgId, label: u.orgName }));
  return (
    <PageContainer title={d.name} extra={d.canManage ? <Space>
      {d.seed === null && (d.kind === '行政处罚' || d.kind === '行政检查') && <Button type="primary" loading={sample.isPending} onClick={() => sample.mutate({})}>随机抽取案卷</Button>}
      <Button onClick={() => setPaperOpen(true)}>登记纸质案卷</Button>
      <Button onClick={() => setMeasureOpen(true)}>记录约谈或追责</Button>
    </Space> : null}>
      <Card>
        <Descriptions size="small" column={3} items={[
          { label: '年度', children: d.year }, { label: '类别', children: d.kind }, { label: '期限', children: `${d.startOn} 至 ${d.endOn}` },
          { label: '每单位抽查', children: `${d.filesPerOrg}本` },
          { label: '随机种子', children: d.seed === null ? '尚未抽取' : `${d.seed}（${d.sampledOn}抽取，可据此复现）` },
          { label: '实施方案', children: d.plan ?? '—' },
        ]} />
      </Card>
      <Card title="被抽查单位" style={{ marginTop: 16 }}>
        <Table rowKey="orgId" size="small" pagination={false} dataSource={d.units}
          columns={[
            { title: '单位', dataIndex: 'orgName' },
            { title: '系统内已结案案卷', dataIndex: 'candidates', render: (v) => v ?? '—' },
            { title: '系统抽取', dataIndex: 'drawn', render: (v) => v ?? '—' },
            { title: '整改', render: (_, u) => (d.canManage ? <Button size="small" loading={issue.isPending} onClick={() => issue.mutate({ orgId: u.orgId })}>下发整改通知</Button> : null) },
          ]} />
      </Card>
      <Card title="抽查案卷" style={{ marginTop: 16 }}>
        <Table rowKey="id" size="small" dataSource={d.files} pagination={{ pageSize: 20 }} data-testid="review-files"
          columns={[
            { title: '单位', dataIndex: 'orgName' },
            { title: '案卷编号', dataIndex: 'fileNo', render: (v, f) => <Link to={`/case-file-review/files/${f.id}`}>{v}</Link> },
            { title: '案由', dataIndex: 'title' },
            { title: '来源', dataIndex: 'source', render: (v) => (v === 'system' ? '系统抽取' : '纸质登记') },
            { title: '否决项预评', render: (_, f) => (!f.prechecked ? '—' : f.precheckFailed ? <Tag color="red">{f.precheckFailed}项不符合</Tag> : <Tag color="green">均符合</Tag>) },
            { title: '得分', dataIndex: 'score', render: (v) => v ?? '未评' },
            { title: '等次', dataIndex: 'grade', render: (v, f) => (v ? <Tag color={GRADE_COLORS[v]}>{f.gradeLabel}</Tag> : null) },
          ]} />
      </Card>
      <Card title="整改" style={{ marginTop: 16 }}>
        <Table rowKey="id" size="small" pagination={false} dataSource={d.rectifications}
          columns={[
            { title: '整改编号', dataIndex: 'refNo', render: (v, r) => <Link to={`/cases/${r.id}`}>{v}</Link> },
            { title: '单位', dataIndex: 'orgName' }, { title: '下发日期', dataIndex: 'issuedOn' },
            { title: '状态', dataIndex: 'state', render: (v) => STATE_LABELS[v] ?? v },
          ]} />
      </Card>
      <Card title="约谈和追责" style={{ marginTop: 16 }}>
        <Table rowKey="id" size="small" pagination={false} dataSource={d.measures}
          columns={[
            { title: '类别', dataIndex: 'kindLabel' }, { title: '单位', dataIndex: 'orgName' }, { title: '姓名', dataIndex: 'personName' },
            { title: '职务', dataIndex: 'post' }, { title: '日期', dataIndex: 'on' }, { title: '依据和事由', dataIndex: 'basis' }, { title: '处理结果', dataIndex: 'outcome' },
          ]} />
      </Card>
      <Modal title="登记纸质案卷" open={paperOpen} onCancel={() => setPaperOpen(false)} onOk={() => paper.submit()} confirmLoading={addFile.isPending}>
        <Form form={paper} layout="vertical" onFinish={(v) => addFile.mutate({ ...v, decidedOn: day(v.decidedOn) || undefined })}>
          <Form.Item name="orgId" label="被抽查单位" rules={[{ required: true, message: '请选择被抽查单位' }]}><Select options={units} /></Form.Item>
          <Form.Item name="fileNo" label="案卷编号（决定书文号）" rules={[{ required: true, message: '请填写案卷编号' }]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="title" label="案由" rules={[{ required: true, message: '请填写案由' }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="partyName" label="当事人"><Input maxLength={100} /></Form.Item>
          <Form.Item name="decidedOn" label="决定日期"><DatePicker /></Form.Item>
        </Form>
      </Modal>
      <Modal title="记录约谈或追责" open={measureOpen} onCancel={() => setMeasureOpen(false)} onOk={() => measure.submit()} confirmLoading={addMeasure.isPending}>
        <Form form={measure} layout="vertical" initialValues={{ kind: 'interview', on: siteTodayDayjs() }} onFinish={(v) => addMeasure.mutate({ ...v, on: day(v.on) })}>
          <Form.Item name="kind" label="类别"><Select options={[{ value: 'interview', label: '约谈' }, { value: 'accountability', label: '追责' }]} /></Form.Item>
          <Form.Item name="orgId" label="单位" rules={[{ required: true, message: '请选择单位' }]}><Select options={units} /></Form.Item>
          <Form.Item name="personName" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}><Input maxLength={50} /></Form.Item>
          <Form.Item name="post" label="职务" rules={[{ required: true, message: '请填写职务' }]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="on" label="日期"><DatePicker /></Form.Item>
          <Form.Item name="basis" label="依据和事由" rules={[{ required: true, message: '请填写依据和事由' }]}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
          <Form.Item name="outcome" label="处理结果（追责）"><Input maxLength={500} /></Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}

type Row = { itemKey: string; points: number; note: string };

export function ScoreFilePage() {
  const { id = '' } = useParams();
  const f = useReviewFile(id);
  if (!f.data) return <Spin />;
  return <ScoreSheet file={f.data} />;
}

function ScoreSheet({ file }: { file: ReviewFile }) {
  const { message } = App.useApp();
  const [deductions, setDeductions] = useState<Row[]>([]);
  const pre = new Map(file.precheck.map((v) => [v.itemKey, v]));
  const [vetoes, setVetoes] = useState<Record<string, { failed: boolean; note: string }>>(() =>
    Object.fromEntries(file.sheet.filter((i) => i.tier === 'veto').map((i) => [i.key, { failed: pre.get(i.key)?.failed ?? false, note: '' }])));
  // 改分: the scored sheet opens again, filled with the score it corrects, and asks for the reason.
  const [editing, setEditing] = useState(false);
  const [reason, setReason] = useState('');
  const score = useScoreFile(file.id, { done: () => message.success('评分已保存'), failed: (e) => message.error(e.message) });
  const rescore = useRescoreFile(file.id, { done: () => { setEditing(false); message.success('已改分'); }, failed: (e) => message.error(e.message) });
  const startEditing = () => {
    setDeductions(file.deductions.map((d) => ({ ...d })));
    setVetoes(Object.fromEntries(file.sheet.filter((i) => i.tier === 'veto').map((i) => {
      const v = file.vetoes.find((x) => x.itemKey === i.key);
      const p = pre.get(i.key);
      // A verdict that differs from the pre-check keeps its reason (the server asks for it again).
      return [i.key, { failed: v?.failed ?? false, note: v && p && v.failed !== p.failed ? v.note : v?.failed && !p ? v.note : '' }];
    })));
    setReason('');
    setEditing(true);
  };
  const scoring = file.sheet.filter((i) => i.tier !== 'veto');
  const lost = deductions.reduce((s, d) => s + d.points, 0);
  const anyVeto = Object.values(vetoes).some((v) => v.failed);
  const done = file.grade !== null && !editing;
  const vetoOf = (key: string) => (done ? file.vetoes.find((v) => v.itemKey === key) : undefined);
  return (
    <PageContainer title={`案卷评查表：${file.fileNo}`} subTitle={<Link to={`/case-file-review/${file.campaignId}`}>{file.campaignName}</Link>}>
      <Card>
        <Descriptions size="small" column={3} items={[
          { label: '单位', children: file.orgName }, { label: '案由', children: file.title }, { label: '当事人', children: file.partyName ?? '—' },
          { label: '来源', children: file.source === 'system' ? '系统抽取' : '纸质登记' }, { label: '决定日期', children: file.decidedOn ?? '—' },
          { label: '等次标准', children: `优秀≥${file.thresholds.excellent}分，合格≥${file.thresholds.pass}分；任一否决项成立即为不合格` },
        ]} />
        {done && <Alert style={{ marginTop: 12 }} type={file.grade === 'fail' ? 'error' : 'success'} data-testid="review-result"
          message={`${file.score}分，${file.gradeLabel}${file.vetoed ? '（否决项成立）' : ''}`}
          description={<>
            <div>评查人：{file.reviewerName ?? ''}，{file.reviewedOn ?? ''}</div>
            {file.rescores.map((r, n) => <div key={n}>{r.rescoredOn}由{r.rescoredBy}改分（原{r.score}分，{GRADE_TEXT[r.grade] ?? r.grade}）：{r.reason}</div>)}
          </>}
          action={file.canRescore ? <Button size="small" onClick={startEditing}>改分</Button> : undefined} />}
      </Card>
      <Card title="否决项（系统依据案件数据预评，评查人员确认或改判）" style={{ marginTop: 16 }}>
        <Table rowKey="key" size="small" pagination={false} dataSource={file.sheet.filter((i) => i.tier === 'veto')}
          columns={[
            { title: '否决项', dataIndex: 'label' },
            { title: '系统预评', render: (_, i) => { const p = pre.get(i.key); return p ? <Space direction="vertical" size={0}><Tag color={p.failed ? 'red' : 'green'}>{p.failed ? '不符合' : '符合'}</Tag><Typography.Text type="secondary">{p.note}</Typography.Text></Space> : '人工评查'; } },
            { title: '认定', width: 120, render: (_, i) => (done
              ? <Tag color={vetoOf(i.key)?.failed ? 'red' : 'green'}>{vetoOf(i.key)?.failed ? '成立' : '不成立'}</Tag>
              : <Switch checkedChildren="成立" unCheckedChildren="不成立" checked={vetoes[i.key]?.failed} aria-label={`否决项：${i.label}`}
                onChange={(v) => setVetoes({ ...vetoes, [i.key]: { ...vetoes[i.key], failed: v } })} />) },
            { title: '说明（改判须写理由）', render: (_, i) => (done ? vetoOf(i.key)?.note : <Input maxLength={500} aria-label={`说明：${i.label}`} value={vetoes[i.key]?.note} onChange={(e) => setVetoes({ ...vetoes, [i.key]: { ...vetoes[i.key], note: e.target.value } })} />) },
          ]} />
      </Card>
      <Card title="扣分（卷面20分、内容80分）" style={{ marginTop: 16 }}>
        {done ? (
          <Table rowKey={(r) => `${r.itemKey}${r.note}`} size="small" pagination={false} dataSource={file.deductions}
            columns={[{ title: '项目', render: (_, d) => file.sheet.find((i) => i.key === d.itemKey)?.label }, { title: '扣分', dataIndex: 'points' }, { title: '问题', dataIndex: 'note' }]} />
        ) : (
          <Space direction="vertical" style={{ width: '100%' }}>
            {deductions.map((d, n) => (
              <Space key={n} wrap>
                <Select style={{ width: 360 }} value={d.itemKey} aria-label="扣分项目" options={scoring.map((i) => ({ value: i.key, label: `${TIER_LABELS[i.tier]}：${i.label}（${i.points}分）` }))}
                  onChange={(v) => setDeductions(deductions.map((x, j) => (j === n ? { ...x, itemKey: v } : x)))} />
                <InputNumber min={1} max={100} value={d.points} aria-label="扣分" onChange={(v) => setDeductions(deductions.map((x, j) => (j === n ? { ...x, points: Number(v ?? 1) } : x)))} />
                <Input style={{ width: 360 }} placeholder="发现的问题" aria-label="发现的问题" value={d.note} onChange={(e) => setDeductions(deductions.map((x, j) => (j === n ? { ...x, note: e.target.value } : x)))} />
                <Button type="link" danger onClick={() => setDeductions(deductions.filter((_x, j) => j !== n))}>删除</Button>
              </Space>
            ))}
            <Button onClick={() => setDeductions([...deductions, { itemKey: scoring[0]?.key ?? '', points: 1, note: '' }])}>添加扣分</Button>
            <Typography.Paragraph>预计得分：{Math.max(0, 100 - lost)}分{anyVeto ? '，否决项成立，评为不合格' : ''}</Typography.Paragraph>
            {file.canScore && <Button type="primary" loading={score.isPending}
              onClick={() => score.mutate({ deductions, vetoes: Object.entries(vetoes).map(([itemKey, v]) => ({ itemKey, failed: v.failed, note: v.note })) })}>提交评分</Button>}
            {editing && <Space wrap>
              <Input style={{ width: 480 }} maxLength={500} placeholder="改分理由" aria-label="改分理由" value={reason} onChange={(e) => setReason(e.target.value)} />
              <Button type="primary" loading={rescore.isPending}
                onClick={() => rescore.mutate({ reason, deductions, vetoes: Object.entries(vetoes).map(([itemKey, v]) => ({ itemKey, failed: v.failed, note: v.note })) })}>提交改分</Button>
              <Button onClick={() => setEditing(false)}>取消</Button>
            </Space>}
          </Space>
        )}
      </Card>
      {file.problems.length > 0 && (
        <Card title="发现的问题" style={{ marginTop: 16 }}>
          <Table rowKey="id" size="small" pagination={false} dataSource={file.problems}
            columns={[{ title: '项目', dataIndex: 'itemLabel' }, { title: '问题', dataIndex: 'note' },
              { title: '整改', render: (_, p) => (p.fixedOn ? `${p.fixedOn}验收通过` : p.issued ? '整改中' : '待下发') }]} />
        </Card>
      )}
    </PageContainer>
  );
}

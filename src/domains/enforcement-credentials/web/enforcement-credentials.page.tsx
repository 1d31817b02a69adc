/**
 * The credential register for staff: the justice bureau's registry (all orgs) or an org's own people,
 * a holder's page (cards with their QR codes, exams, annual reviews, training hours; apply, suspend,
 * reinstate, cancel, 年审, 离岗), registering a holder, and recording or importing training hours.
 */
import { siteYear, siteToday } from '../../../core/web/time';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Form, Input, InputNumber, Row, Select, Space, Spin, Table, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { ApiError, type ApiBody, type SheetImportError } from '../../../core/web/api';
import { ImportErrors } from '../../../core/web/import-errors';
import type { ImportRowError } from '../../../core/shared/import-errors';
import { hasPermission, useMe } from '../../../core/web/auth';
import { EMPLOYMENT_LABELS, TRAINING_TYPE_LABELS } from '../shared/enforcement-credentials.labels';
import {
  importTrainings, useApply, useCardAction, useHolder, useHolders, useLeave, useOrgs, useRecordExam, useRecordSession, useRegisterHolder, useReview,
  type ImportReport,
} from './enforcement-credentials.hooks';

const STATUS_COLOR: Record<string, string> = { 有效: 'green', 暂扣: 'orange', 已注销: 'red', 已过期: 'default', 已换发新证: 'default', 尚未生效: 'blue' };
const day = (v: unknown) => (dayjs.isDayjs(v) ? v.format('YYYY-MM-DD') : v);
const fieldErrors = (form: ReturnType<typeof Form.useForm>[0], e: unknown) => {
  if (e instanceof ApiError && e.fields.length) form.setFields(e.fields.map((f) => ({ name: f.path.split('.'), errors: [f.message] })));
};
const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

export function RegistryPage() {
  const me = useMe();
  const [query, setQuery] = useState<{ q?: string; status?: 'active' | 'left'; page: number; pageSize: number }>({ status: 'active', page: 1, pageSize: 20 });
  const list = useHolders(query);
  return (
    <PageContainer title="行政执法证件台账" extra={hasPermission(me, 'credential.register') ? [<Link key="new" to="/credentials/new"><Button type="primary">登记执法人员</Button></Link>] : []}>
      <Card>
        <Space style={{ marginBottom: 12 }} wrap>
          <Input.Search placeholder="姓名或证号" allowClear onSearch={(q) => setQuery({ ...query, q: q || undefined, page: 1 })} style={{ width: 240 }} />
          <Select value={query.status ?? 'all'} style={{ width: 140 }} onChange={(v) => setQuery({ ...query, status: v === 'all' ? undefined : v as 'active', page: 1 })}
            options={[{ value: 'active', label: '在岗' }, { value: 'left', label: '已离岗' }, { value: 'all', label: '全部' }]} />
        </Space>
        <Table rowKey="id" loading={list.isLoading} dataSource={list.data?.items ?? []} size="middle"
          pagination={{ current: query.page, pageSize: query.pageSize, total: list.data?.total ?? 0, onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }) }}
          columns={[
            { title: '姓名', dataIndex: 'name', render: (v, r) => <Link to={`/credentials/holders/${r.id}`}>{v}</Link> },
            { title: '单位', dataIndex: 'orgName' },
            { title: '职务', dataIndex: 'post' },
            { title: '人员身份', dataIndex: 'employmentName' },
            { title: '证件', dataIndex: 'cards', render: (cards: { number: string; kindName: string; statusName: string; validTo: string }[]) => (
              <Space direction="vertical" size={0}>{cards.map((c) => <span key={c.number}>{c.kindName} {c.number} <Tag color={STATUS_COLOR[c.statusName]}>{c.statusName}</Tag><Typography.Text type="secondary">至{c.validTo}</Typography.Text></span>)}</Space>
            ) },
          ]} />
      </Card>
    </PageContainer>
  );
}

export function RegisterHolderPage() {
  const me = useMe();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const orgs = useOrgs();
  const own = me?.roles.find((r) => r.orgId)?.orgId ?? undefined;
  const send = useRegisterHolder({ done: (r) => navigate(`/credentials/holders/${r.id}`), failed: (e) => fieldErrors(form, e) });
  return (
    <PageContainer title="登记执法人员">
      <Card style={{ maxWidth: 760 }}>
        <Typography.Paragraph type="secondary">持证人员须为在编在职人员；劳动合同制、辅助（协管、工勤）、临时聘用和劳务派遣人员不得申领行政执法证件。</Typography.Paragraph>
        {send.error ? <Alert type="error" showIcon message={send.error.message} style={{ marginBottom: 12 }} data-testid="register-error" /> : null}
        <Form form={form} layout="vertical" initialValues={{ orgId: own, employment: 'establishment' }}
          onFinish={(v) => send.mutate(Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== '')) as ApiBody<'/api/credential-holders'>)}>
          <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}><Input maxLength={30} /></Form.Item>
          <Form.Item name="gender" label="性别"><Select allowClear options={[{ value: '男', label: '男' }, { value: '女', label: '女' }]} /></Form.Item>
          <Form.Item name="idNumber" label="公民身份号码" extra="仅用于内部核对，不在核验页面显示"><Input maxLength={18} /></Form.Item>
          <Form.Item name="orgId" label="所在单位" rules={[{ required: true, message: '请选择所在单位' }]}>
            <Select showSearch optionFilterProp="label" options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))} />
          </Form.Item>
          <Form.Item name="post" label="职务（岗位）" rules={[{ required: true, message: '请填写职务' }]}><Input maxLength={60} /></Form.Item>
          <Form.Item name="employment" label="人员身份" rules={[{ required: true }]}><Select options={options(EMPLOYMENT_LABELS)} /></Form.Item>
          <Form.Item name="scope" label="执法范围（本单位权责清单中的职权）" rules={[{ required: true, message: '请填写执法范围' }]}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
          <Button type="primary" htmlType="submit" loading={send.isPending}>登记</Button>
        </Form>
      </Card>
    </PageContainer>
  );
}

export function HolderPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const { message, modal } = App.useApp();
  const h = useHolder(id);
  const navigate = useNavigate();
  const [examForm] = Form.useForm();
  const [reviewResult, setReviewResult] = useState<{ passed: boolean; reason: string | null; number: string } | null>(null);
  const failed = (e: Error) => message.error(e.message);
  const exam = useRecordExam(id, { done: () => { examForm.resetFields(); message.success('已登记考试成绩'); }, failed });
  const apply = useApply({ done: (r) => { message.success(`已提交申领，编号${r.refNo}`); navigate(`/cases/${r.id}`); }, failed });
  const card = useCardAction({ done: () => message.success('已办理'), failed });
  const review = useReview({ done: (r) => setReviewResult(r), failed });
  const leave = useLeave(id, { done: () => message.success('已登记离岗并注销证件'), failed });
  if (h.isLoading) return <Spin />;
  if (!h.data) return <Alert type="error" message={h.error?.message ?? '执法人员不存在'} />;
  const d = h.data;
  const canManage = hasPermission(me, 'credential.manage');
  const canRegister = hasPermission(me, 'credential.register');
  const askReason = (title: string, run: (reason: string) => void) => {
    let reason = '';
    modal.confirm({ title, content: <Input.TextArea data-testid="reason-input" rows={3} maxLength={300} onChange={(e) => { reason = e.target.value; }} />, okText: '确定', cancelText: '取消', onOk: () => run(reason) });
  };
  const year = siteYear();
  return (
    <PageContainer title={d.name} subTitle={`${d.orgName} · ${d.post}`} tags={d.status === 'left' ? <Tag color="red">已离岗</Tag> : <Tag color="green">在岗</Tag>}
      extra={[
        hasPermission(me, 'credentialApplication.submit') && d.status === 'active' && !d.pendingApplication
          ? <Button key="apply" type="primary" onClick={() => apply.mutate({ holderId: d.id, kind: 'enforcement' })}>申领行政执法证</Button> : null,
        hasPermission(me, 'credentialApplication.submit') && d.status === 'active' && !d.pendingApplication
          ? <Button key="apply2" onClick={() => apply.mutate({ holderId: d.id, kind: 'supervision' })}>申领行政执法监督证</Button> : null,
        canRegister && d.status === 'active' ? <Button key="leave" danger onClick={() => askReason('登记离岗（将注销其全部证件）', (reason) => leave.mutate({ reason, leftOn: siteToday() }))}>登记离岗</Button> : null,
      ].filter(Boolean)}>
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        {d.pendingApplication ? <Alert type="info" showIcon message={<span>申领办理中：<Link to={`/cases/${d.pendingApplication.id}`}>{d.pendingApplication.refNo}</Link>（{d.pendingApplication.stateName}）</span>} /> : null}
        {reviewResult ? <Alert data-testid="review-result" type={reviewResult.passed ? 'success' : 'error'} showIcon
          message={reviewResult.passed ? `证件${reviewResult.number}年审通过` : `证件${reviewResult.number}年审未通过`} description={reviewResult.reason} /> : null}
        <Card title="基本信息">
          <Descriptions column={2} size="small">
            <Descriptions.Item label="人员身份">{d.employmentName}</Descriptions.Item>
            <Descriptions.Item label="身份证号后四位">{d.idTail ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="执法范围" span={2}>{d.scope}</Descriptions.Item>
            {d.leftOn ? <Descriptions.Item label="离岗">{d.leftOn}（{d.leftReason}）</Descriptions.Item> : null}
          </Descriptions>
        </Card>
        <Card title="证件" data-testid="cards">
          {d.cards.length === 0 ? <Typography.Text type="secondary">尚未持有证件</Typography.Text> : null}
          <Row gutter={16}>
            {d.cards.map((c) => (
              <Col key={c.id} xs={24} md={12}>
                <Card size="small" title={<span>{c.kindName} {c.number} <Tag color={STATUS_COLOR[c.statusName]}>{c.statusName}</Tag></span>} style={{ marginBottom: 12 }}>
                  <Space align="start">
                    <img src={c.qrPath} alt="核验二维码" width={120} height={120} />
                    <div>
                      <div>有效期：{c.issuedOn} 至 {c.validTo}</div>
                      <div>执法范围：{c.scope}</div>
                      {c.statusReason ? <div>说明：{c.statusReason}</div> : null}
                      <a href={c.verifyUrl} target="_blank" rel="noreferrer" data-testid="verify-link">扫码或点击核验</a>
                      {canManage && (c.status === 'valid' || c.status === 'suspended') ? (
                        <Space wrap style={{ marginTop: 8 }}>
                          <Button size="small" onClick={() => review.mutate({ id: c.id, year })}>{year}年度年审</Button>
                          {c.status === 'valid' ? <Button size="small" onClick={() => askReason('暂扣证件', (reason) => card.mutate({ id: c.id, act: 'suspend', reason }))}>暂扣</Button> : null}
                          {c.status === 'suspended' ? <Button size="small" onClick={() => askReason('恢复证件', (reason) => card.mutate({ id: c.id, act: 'reinstate', reason }))}>恢复</Button> : null}
                          <Button size="small" danger onClick={() => askReason('注销证件', (reason) => card.mutate({ id: c.id, act: 'cancel', reason }))}>注销</Button>
                        </Space>
                      ) : null}
                    </div>
                  </Space>
                </Card>
              </Col>
            ))}
          </Row>
        </Card>
        <Card title={`${d.hoursThisYear.year}年度培训学时`} data-testid="hours">
          <Typography.Paragraph>计入学时 <b>{d.hoursThisYear.counted}</b> / 规定 {d.hoursThisYear.required} 学时（合计 {d.hoursThisYear.total}）</Typography.Paragraph>
          <Space wrap>{d.hoursThisYear.byType.map((b) => <Tag key={b.type}>{b.typeName} {b.hours}{b.counts ? '' : '（不计入）'}</Tag>)}</Space>
          <Table style={{ marginTop: 12 }} rowKey="id" size="small" dataSource={d.trainings} pagination={{ pageSize: 5 }}
            columns={[{ title: '日期', dataIndex: 'heldOn' }, { title: '培训', dataIndex: 'title' }, { title: '类别', dataIndex: 'typeName' }, { title: '学时', dataIndex: 'hours' }]} />
        </Card>
        <Card title="年审记录">
          <Table rowKey="id" size="small" dataSource={d.reviews} pagination={false}
            columns={[{ title: '年度', dataIndex: 'year' }, { title: '证号', dataIndex: 'number' }, { title: '学时', render: (_, r) => `${r.hours}/${r.requiredHours}` },
              { title: '考试', dataIndex: 'examPassed', render: (v) => (v ? '合格' : '未合格') }, { title: '结果', dataIndex: 'passed', render: (v) => (v ? <Tag color="green">通过</Tag> : <Tag color="red">未通过</Tag>) },
              { title: '原因', dataIndex: 'reason' }, { title: '年审日期', dataIndex: 'reviewedOn' }]} />
        </Card>
        <Card title="法律知识考试">
          <Table rowKey="id" size="small" dataSource={d.exams} pagination={false}
            columns={[{ title: '科目', dataIndex: 'subjectName' }, { title: '成绩', dataIndex: 'score' }, { title: '结果', dataIndex: 'passed', render: (v) => (v ? '合格' : '不合格') }, { title: '考试日期', dataIndex: 'takenOn' }]} />
          {canRegister ? (
            <Form form={examForm} layout="inline" style={{ marginTop: 12 }} data-testid="exam-form"
              onFinish={(v) => exam.mutate({ subject: v.subject, score: v.score, takenOn: day(v.takenOn) as string })}>
              <Form.Item name="subject" label="科目" rules={[{ required: true, message: '请选择' }]}><Select style={{ width: 160 }} options={[{ value: 'public', label: '公共法律知识考试' }, { value: 'professional', label: '专业法律知识考试' }]} /></Form.Item>
              <Form.Item name="score" label="成绩" rules={[{ required: true, message: '请填写' }]}><InputNumber min={0} max={100} /></Form.Item>
              <Form.Item name="takenOn" label="考试日期" rules={[{ required: true, message: '请选择' }]}><DatePicker /></Form.Item>
              <Button htmlType="submit" loading={exam.isPending}>登记成绩</Button>
            </Form>
          ) : null}
        </Card>
      </Space>
    </PageContainer>
  );
}

export function TrainingPage() {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [holderQ, setHolderQ] = useState('');
  const holders = useHolders({ q: holderQ || undefined, status: 'active', page: 1, pageSize: 50 });
  const [report, setReport] = useState<{ ok?: ImportReport; rows?: ImportRowError[]; error?: string } | null>(null);
  const send = useRecordSession({ done: (r) => { form.resetFields(); message.success(`已登记${r.recorded}人的培训学时`); }, failed: (e) => { fieldErrors(form, e); message.error(e.message); } });
  const upload = async (f: File) => {
    try { setReport({ ok: await importTrainings(f) }); } catch (e) { setReport({ error: (e as SheetImportError).message, rows: (e as SheetImportError).rows }); }
    return false;
  };
  return (
    <PageContainer title="执法人员培训学时">
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Card title="按场次登记">
          <Form form={form} layout="vertical" style={{ maxWidth: 720 }}
            onFinish={(v) => send.mutate({ ...v, heldOn: day(v.heldOn) } as ApiBody<'/api/credential-trainings'>)}>
            <Form.Item name="title" label="培训名称" rules={[{ required: true, message: '请填写培训名称' }]}><Input maxLength={100} /></Form.Item>
            <Form.Item name="type" label="培训类别" rules={[{ required: true, message: '请选择培训类别' }]}><Select options={options(TRAINING_TYPE_LABELS)} /></Form.Item>
            <Form.Item name="heldOn" label="培训日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item>
            <Form.Item name="hours" label="学时" rules={[{ required: true, message: '请填写学时' }]}><InputNumber min={0.5} max={100} step={0.5} /></Form.Item>
            <Form.Item name="holderIds" label="参训人员" rules={[{ required: true, message: '请选择参训人员' }]}>
              <Select mode="multiple" showSearch filterOption={false} onSearch={setHolderQ} options={(holders.data?.items ?? []).map((h) => ({ value: h.id, label: `${h.name}（${h.orgName}）` }))} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={send.isPending}>登记</Button>
          </Form>
        </Card>
        <Card title="导入培训学时台账（xlsx）">
          <Typography.Paragraph type="secondary">列：证号、姓名、培训名称、培训类别（{Object.values(TRAINING_TYPE_LABELS).join('、')}）、培训日期（YYYY-MM-DD）、学时。任一行有错误时整个文件不导入，并逐行列出错误。</Typography.Paragraph>
          <Space>
            <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => upload(f)}><Button icon={<UploadOutlined />}>选择文件并导入</Button></Upload>
            <Button href="/api/credential-trainings/template.xlsx">下载模板</Button>
          </Space>
          {report?.ok ? <Alert style={{ marginTop: 12 }} type="success" showIcon message={`已导入${report.ok.imported}行`} /> : null}
          {report?.error ? <ImportErrors message={report.error} rows={report.rows} /> : null}
        </Card>
      </Space>
    </PageContainer>
  );
}


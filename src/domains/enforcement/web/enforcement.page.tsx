/**
 * 行政执法 for staff: registering an inspection before entering a firm (扫码入企) with its QR code, the
 * inspection's page (officers, frequency against the published cap, result, the firm's anonymous rating),
 * filing a 行政处罚 case, and its page through the process — the evidence record with its officers,
 * 告知, hearing, 法制审核, decision, 公示, service and closing, with 全过程记录 uploads at every step.
 */
import { siteYear, siteTodayDayjs } from '../../../core/web/time';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { PageContainer, ProCard } from '@ant-design/pro-components';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Radio, Result, Select, Space, Spin, Table, Tag, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import type { CaseAction } from '../../../core/shared/schemas';
import { ApiError, type ApiBody } from '../../../core/web/api';
import { useCase } from '../../../core/web/case.hooks';
import { StatusTag } from '../../../core/web/status';
import { ActionButtons, CaseTimeline, ClockCards, LinkedCases } from '../../../core/web/case-parts';
import { INSPECTION_KIND_LABELS, PARTY_KIND_LABELS, RATING_LABELS } from '../shared/enforcement.labels';
import {
  attachmentHref, inspectionQrSrc, useActionForm, useAttach, useFilePenalty, useInspectionFile, useOfficers, usePenaltyFile, usePlans, useRefreshCase,
  useRegisterInspection, type Registered,
} from './enforcement.hooks';

const day = (v: unknown) => (dayjs.isDayjs(v) ? v.format('YYYY-MM-DD') : v);
const clean = (v: Record<string, unknown>) => Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null && x !== ''));
const fieldErrors = (form: ReturnType<typeof Form.useForm>[0], e: unknown) => {
  if (e instanceof ApiError && e.fields.length) form.setFields(e.fields.map((f) => ({ name: f.path.split('.'), errors: [f.message] })));
};

function OfficerSelect({ on, value, onChange, id }: { on?: string; value?: string[]; onChange?: (v: string[]) => void; id?: string }) {
  const officers = useOfficers(on);
  return (
    <Select id={id} mode="multiple" value={value} onChange={onChange} loading={officers.isLoading} placeholder="选择两名以上持有有效行政执法证的执法人员" optionFilterProp="label"
      options={(officers.data ?? []).map((o) => ({ value: o.holderId, label: `${o.name}（${o.credentialNo}）` }))} style={{ minWidth: 360 }} />
  );
}

export function RegisterInspectionPage() {
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const [done, setDone] = useState<Registered>();
  const visitOn = Form.useWatch('visitOn', form) as dayjs.Dayjs | undefined;
  const kind = Form.useWatch('kind', form) as string | undefined;
  const on = visitOn ? visitOn.format('YYYY-MM-DD') : undefined;
  const plans = usePlans(visitOn ? visitOn.year() : siteYear());
  // One key per form shown: Enter in the date field and then the button are one visit, not two.
  const [formKey] = useState(() => crypto.randomUUID());
  const send = useRegisterInspection({ done: setDone, failed: (e) => fieldErrors(form, e) });
  if (done) {
    return (
      <PageContainer title="检查已登记">
        <Card style={{ maxWidth: 640 }}>
          <div data-testid="inspection-registered">
          <Result status={done.overCap ? 'warning' : 'success'} title={`检查编号 ${done.refNo}`}
            subTitle={done.overCap ? done.warning : `本次为本机关本年度对该企业第${done.priorVisits + 1}次检查（公布上限${done.cap}次）。请企业扫描检查码核验检查人员并评价。`}
            extra={<Space direction="vertical">
              <img src={inspectionQrSrc(done.id)} alt="检查码" width={240} height={240} data-testid="inspection-qr" />
              <Button type="primary" onClick={() => navigate(`/enforcement/inspections/${done.id}`)}>查看检查</Button>
            </Space>} />
          </div>
        </Card>
      </PageContainer>
    );
  }
  return (
    <PageContainer title="登记涉企行政检查（扫码入企）">
      <Card style={{ maxWidth: 820 }}>
        <Typography.Paragraph type="secondary">进入企业前登记：检查人员不少于两名且持有有效行政执法证；超过本机关公布的年度检查频次上限的，须经机关负责人批准（国办发〔2024〕54号）。</Typography.Paragraph>
        <Form form={form} layout="vertical" initialValues={{ kind: 'planned', visitOn: siteTodayDayjs() }}
          onFinish={(v) => send.mutate(clean({ ...v, visitOn: day(v.visitOn), idempotencyKey: formKey }) as ApiBody<'/api/inspections'>)}>
          <Space wrap align="start">
            <Form.Item name="firmCode" label="企业统一社会信用代码" rules={[{ required: true, message: '请填写统一社会信用代码' }]}><Input maxLength={18} style={{ width: 240 }} /></Form.Item>
            <Form.Item name="firmName" label="企业名称" rules={[{ required: true, message: '请填写企业名称' }]}><Input maxLength={100} style={{ width: 320 }} /></Form.Item>
          </Space>
          <Space wrap align="start">
            <Form.Item name="visitOn" label="检查日期" rules={[{ required: true, message: '请选择检查日期' }]}><DatePicker /></Form.Item>
            <Form.Item name="kind" label="检查类型"><Radio.Group options={Object.entries(INSPECTION_KIND_LABELS).map(([value, label]) => ({ value, label }))} /></Form.Item>
          </Space>
          {kind === 'planned'
            ? <Form.Item name="planId" label="双随机检查计划" rules={[{ required: true, message: '请选择检查计划' }]}><Select style={{ maxWidth: 480 }} options={(plans.data ?? []).map((p) => ({ value: p.id, label: `${p.planNo} ${p.name}（频次上限${p.cap}次）` }))} /></Form.Item>
            : <Form.Item name="reason" label="个案检查事由" rules={[{ required: true, message: '请填写检查事由' }]}><Input maxLength={500} placeholder="12345投诉、举报、上级交办等" /></Form.Item>}
          <Form.Item name="purpose" label="检查事项" rules={[{ required: true, message: '请填写检查事项' }]}><Input maxLength={300} /></Form.Item>
          <Form.Item name="officerIds" label="检查人员" rules={[{ required: true, message: '请选择检查人员' }]}><OfficerSelect on={on} /></Form.Item>
          {send.error ? <Alert type="error" showIcon message={send.error.message} style={{ marginBottom: 12 }} data-testid="inspection-error" /> : null}
          <Button type="primary" htmlType="submit" loading={send.isPending}>登记并生成检查码</Button>
        </Form>
      </Card>
    </PageContainer>
  );
}

export function InspectionPage() {
  const { id = '' } = useParams();
  const c = useCase(id);
  const f = useInspectionFile(id);
  const refresh = useRefreshCase(id);
  if (c.isLoading || f.isLoading) return <Spin />;
  if (c.error || !c.data || !f.data) return <Result status="404" title={c.error?.message ?? f.error?.message ?? '检查不存在'} />;
  const d = c.data;
  const x = f.data;
  return (
    <PageContainer title={`${d.refNo}　${d.title}`} tags={<StatusTag name={d.stateName} color={d.stateColor} />} extra={<ActionButtons caseId={d.id} actions={d.actions} onDone={refresh} />}>
      <ProCard direction="column" gutter={[0, 16]} ghost>
        {x.overCap ? <Alert type="warning" showIcon message={`本次为本机关本年度对该企业第${x.priorVisits + 1}次检查，超过公布的年度频次上限${x.cap}次，须经机关负责人批准`} /> : null}
        <ProCard split="vertical">
          <ProCard title="检查情况" colSpan="70%" data-testid="inspection-facts">
            <Descriptions column={{ xs: 1, sm: 2 }}>
              <Descriptions.Item label="被检查企业">{`${x.firmName}（${x.firmCode}）`}</Descriptions.Item>
              <Descriptions.Item label="检查类型">{INSPECTION_KIND_LABELS[x.kind] ?? x.kind}</Descriptions.Item>
              <Descriptions.Item label="检查日期">{x.visitOn}</Descriptions.Item>
              <Descriptions.Item label="年度频次">{`第${x.priorVisits + 1}次（上限${x.cap}次）`}</Descriptions.Item>
              <Descriptions.Item label="检查事项" span={2}>{x.purpose}</Descriptions.Item>
              <Descriptions.Item label="检查人员" span={2}>{x.officers.map((o) => `${o.name}（执法证号${o.credentialNo}）`).join('、')}</Descriptions.Item>
              <Descriptions.Item label="检查结果" span={2}>{x.outcome ? `${x.outcome}：${x.findings ?? ''}` : '尚未登记'}</Descriptions.Item>
              <Descriptions.Item label="企业评价（匿名）" span={2}>
                <span data-testid="inspection-rating">{x.rating ? `${RATING_LABELS[x.rating]}${x.ratingComment ? `：${x.ratingComment}` : ''}` : '尚未评价'}</span>
              </Descriptions.Item>
            </Descriptions>
          </ProCard>
          <ProCard title="检查码（请企业扫码核验、评价）">
            <img src={inspectionQrSrc(d.id)} alt="检查码" width={200} height={200} data-testid="inspection-qr" />
            <Typography.Paragraph copyable={{ text: `${window.location.origin}${x.visitPath}` }} type="secondary" data-testid="visit-path">{x.visitPath}</Typography.Paragraph>
          </ProCard>
        </ProCard>
        <LinkedCases links={d.links} hidden={d.hiddenLinks} />
        <ProCard title="办理过程"><CaseTimeline events={d.events} /></ProCard>
      </ProCard>
    </PageContainer>
  );
}

export function FilePenaltyPage() {
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const partyKind = Form.useWatch('partyKind', form) as string | undefined;
  // One key per form shown: Enter in a field and then the button are one filing, not two.
  const [formKey] = useState(() => crypto.randomUUID());
  const send = useFilePenalty({ done: (r) => navigate(`/enforcement/penalties/${r.id}`), failed: (e) => fieldErrors(form, e) });
  return (
    <PageContainer title="行政处罚立案">
      <Card style={{ maxWidth: 820 }}>
        <Typography.Paragraph type="secondary">立案之日起90日内作出行政处罚决定（行政处罚法 第60条）。</Typography.Paragraph>
        <Form form={form} layout="vertical" initialValues={{ partyKind: 'org', source: '检查发现' }} onFinish={(v) => send.mutate(clean({ ...v, idempotencyKey: formKey }) as ApiBody<'/api/penalties'>)}>
          <Form.Item name="partyKind" label="当事人类型"><Radio.Group options={Object.entries(PARTY_KIND_LABELS).map(([value, label]) => ({ value, label }))} /></Form.Item>
          <Space wrap align="start">
            <Form.Item name="partyName" label="当事人" rules={[{ required: true, message: '请填写当事人' }]}><Input maxLength={100} style={{ width: 320 }} /></Form.Item>
            {partyKind === 'org' ? <Form.Item name="partyCode" label="统一社会信用代码" rules={[{ required: true, message: '请填写统一社会信用代码' }]}><Input maxLength={18} style={{ width: 240 }} /></Form.Item>
              : <Form.Item name="partyCode" label="公民身份号码" extra="加密保存，仅显示部分号码；当事人凭本人账号可在线申请行政复议并关联本案"><Input maxLength={18} style={{ width: 240 }} /></Form.Item>}
          </Space>
          <Space wrap align="start">
            <Form.Item name="cause" label="案由" rules={[{ required: true, message: '请填写案由' }]}><Input maxLength={100} style={{ width: 320 }} /></Form.Item>
            <Form.Item name="source" label="案件来源"><Select style={{ width: 160 }} options={['检查发现', '投诉举报', '上级交办', '移送', '其他'].map((v) => ({ value: v, label: v }))} /></Form.Item>
          </Space>
          <Form.Item name="facts" label="立案依据和基本事实" rules={[{ required: true, message: '请填写立案依据和基本事实' }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
          <Form.Item name="inspectionRef" label="来源检查编号（本平台内，填写后自动关联）"><Input maxLength={40} style={{ width: 240 }} /></Form.Item>
          {send.error ? <Alert type="error" showIcon message={send.error.message} style={{ marginBottom: 12 }} /> : null}
          <Button type="primary" htmlType="submit" loading={send.isPending}>立案</Button>
        </Form>
      </Card>
    </PageContainer>
  );
}

function EvidenceForm({ action, onDone }: { action: CaseAction; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const takenOn = Form.useWatch('takenOn', form) as dayjs.Dayjs | undefined;
  const [refusal, setRefusal] = useState<string>();
  const save = useActionForm(action, {
    done: () => { message.success('已记录调查取证'); setRefusal(undefined); form.resetFields(); onDone(); },
    failed: (e) => { fieldErrors(form, e); setRefusal(e.message); },
  });
  return (
    <ProCard title="记录调查取证（执法人员不得少于两人，行政处罚法 第42条）" data-testid="evidence-form">
      <Form form={form} layout="vertical" initialValues={{ takenOn: siteTodayDayjs() }} onFinish={(v) => save.mutate(clean({ ...v, takenOn: day(v.takenOn) }))}>
        <Space wrap align="start">
          <Form.Item name="takenOn" label="取证日期" rules={[{ required: true, message: '请选择取证日期' }]}><DatePicker /></Form.Item>
          <Form.Item name="officerIds" label="执法人员" rules={[{ required: true, message: '请选择执法人员' }]}><OfficerSelect on={takenOn?.format('YYYY-MM-DD')} /></Form.Item>
        </Space>
        <Form.Item name="summary" label="取证情况（证据名称、方式）" rules={[{ required: true, message: '请填写取证情况' }]}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        {refusal ? <Alert type="error" showIcon message={refusal} style={{ marginBottom: 12 }} data-testid="evidence-refused" /> : null}
        <Button type="primary" htmlType="submit" loading={save.isPending}>记录调查取证</Button>
      </Form>
    </ProCard>
  );
}

export function PenaltyPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const c = useCase(id);
  const f = usePenaltyFile(id);
  const refresh = useRefreshCase(id);
  const attach = useAttach(id, { done: () => { message.success('已上传'); refresh(); }, failed: (e) => message.error(e.message) });
  if (c.isLoading || f.isLoading) return <Spin />;
  if (c.error || !c.data || !f.data) return <Result status="404" title={c.error?.message ?? f.error?.message ?? '案件不存在'} />;
  const d = c.data;
  const x = f.data;
  const evidence = d.actions.find((a) => a.event === 'recordEvidence');
  // Which of 公示 and the two revocations apply is the machine's precondition: the server offers only those.
  const others = d.actions.filter((a) => a !== evidence);
  return (
    <PageContainer title={`${d.refNo}　${d.title}`} tags={<StatusTag name={d.stateName} color={d.stateColor} />} extra={<ActionButtons caseId={d.id} actions={others} onDone={refresh} />}>
      <ProCard direction="column" gutter={[0, 16]} ghost>
        <ProCard title="案件情况" data-testid="penalty-facts">
          <Descriptions column={{ xs: 1, sm: 2, md: 3 }}>
            <Descriptions.Item label="执法机关">{d.orgName}</Descriptions.Item>
            <Descriptions.Item label="当事人">{`${x.partyName}（${PARTY_KIND_LABELS[x.partyKind] ?? x.partyKind}）`}</Descriptions.Item>
            <Descriptions.Item label={x.partyKind === 'person' ? '公民身份号码' : '统一社会信用代码'}>{x.partyCode ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="案由">{x.cause}</Descriptions.Item>
            <Descriptions.Item label="案件来源">{x.source}</Descriptions.Item>
            <Descriptions.Item label="立案日期">{x.filedOn}</Descriptions.Item>
            <Descriptions.Item label="立案依据和基本事实" span={3}>{x.facts}</Descriptions.Item>
            <Descriptions.Item label="法制审核" span={3}>
              <span data-testid="legal-review">{x.reviewGrounds.length
                ? `${x.reviewGrounds.join('；')}：${x.reviewedOn ? `${x.reviewPassed ? '审核通过' : '审核未通过'}（${x.reviewedOn}，${x.reviewerName}）` : '尚未审核'}`
                : '不属于第58条规定的情形'}</span>
            </Descriptions.Item>
            {x.decidedOn ? <Descriptions.Item label="决定" span={3}>{`${x.decisionKind}，${x.decisionNo}（${x.decidedOn}）：${x.content}；依据${x.basis}`}</Descriptions.Item> : null}
            {x.servedOn ? <Descriptions.Item label="送达">{x.servedOn}</Descriptions.Item> : null}
            {x.closedOn ? <Descriptions.Item label="结案">{x.closedOn}</Descriptions.Item> : null}
          </Descriptions>
        </ProCard>
        {d.clocks.length ? <ProCard title="期限"><ClockCards clocks={d.clocks} /></ProCard> : null}
        {evidence ? <EvidenceForm action={evidence} onDone={refresh} /> : null}
        <ProCard title="调查取证记录" data-testid="evidence">
          <Table rowKey="id" size="small" pagination={false} dataSource={x.evidence} locale={{ emptyText: '尚未记录' }}
            columns={[
              { title: '取证日期', dataIndex: 'takenOn', width: 120 },
              { title: '执法人员及执法证号', dataIndex: 'officers', render: (os: { name: string; credentialNo: string }[]) => os.map((o) => `${o.name}（${o.credentialNo}）`).join('、') },
              { title: '取证情况', dataIndex: 'summary' },
            ]} />
        </ProCard>
        {x.publication ? (
          <ProCard title="公示" data-testid="publication">
            <Descriptions column={{ xs: 1, sm: 2, md: 3 }}>
              <Descriptions.Item label="类别">{x.publication.kind}</Descriptions.Item>
              <Descriptions.Item label="公示当事人">{x.publication.partyShown}</Descriptions.Item>
              <Descriptions.Item label="应公示日期">{`${x.publication.dueOn}前`}</Descriptions.Item>
              <Descriptions.Item label="公示日期">{x.publication.publishedOn ?? <Tag color="orange">尚未公示</Tag>}</Descriptions.Item>
              {x.publication.revokedOn ? <Descriptions.Item label="决定撤销">{x.publication.revokedOn}</Descriptions.Item> : null}
              {x.publication.withdrawDueOn ? <Descriptions.Item label="撤下公示">{x.publication.withdrawnOn ?? `应于${x.publication.withdrawDueOn}前撤下`}</Descriptions.Item> : null}
            </Descriptions>
          </ProCard>
        ) : null}
        <ProCard title="全过程记录（文书、照片、音视频）" data-testid="attachments"
          extra={<Upload showUploadList={false} beforeUpload={(file) => { attach.mutate(file); return false; }}><Button loading={attach.isPending}>上传</Button></Upload>}>
          <Table rowKey="id" size="small" pagination={false} dataSource={x.attachments} locale={{ emptyText: '暂无记录' }}
            columns={[
              { title: '环节', dataIndex: 'step', width: 180 },
              { title: '文件', dataIndex: 'fileName', render: (v: string, a) => <a href={attachmentHref(d.id, a.id)}>{v}</a> },
              { title: '大小', dataIndex: 'size', width: 100, render: (v: number) => `${(v / 1024).toFixed(1)}KB` },
              { title: '上传人', dataIndex: 'uploadedBy', width: 120 },
            ]} />
        </ProCard>
        <LinkedCases links={d.links} hidden={d.hiddenLinks} />
        <ProCard title="办理过程"><CaseTimeline events={d.events} /></ProCard>
      </ProCard>
    </PageContainer>
  );
}

/**
 * 矛盾纠纷调解 for the 调委会 and the justice bureau, laid out for a phone (one column, full-width
 * fields): registering a dispute (from a 12345 ticket too), the dispute's page with the actions the
 * server offers, the 协议书 .docx and the 司法确认 reminder, 排查 rounds, and the figures with 万人调解率
 * by township and the population register behind it.
 */
import { fmtTime, siteYear, siteToday, siteTodayDayjs } from '../../../core/web/time';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { PageContainer, ProCard } from '@ant-design/pro-components';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, List, Result, Select, Space, Spin, Statistic, Table, Tag, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { formatMetric, isRatio } from '../../../core/shared/metric-units';
import { ApiError, apiUrl, qs, type ApiBody } from '../../../core/web/api';
import { ImportErrors } from '../../../core/web/import-errors';
import type { ImportRowError } from '../../../core/shared/import-errors';
import { useCase } from '../../../core/web/case.hooks';
import { StatusTag } from '../../../core/web/status';
import { ActionButtons, CaseTimeline, ClockCards, LinkedCases } from '../../../core/web/case-parts';
import { hasPermission, useMe } from '../../../core/web/auth';
import { DISPUTE_TYPES, SOURCES } from '../shared/mediation.machine';
import {
  agreementUrl, useDisputeFile, useImportPopulations, useMediationFigures, usePopulations, useRates, useRecordPopulation, useRecordScreening, useRefreshDispute, useRegisterDispute,
  useScreenings, useVillages,
} from './mediation.hooks';

const day = (v: unknown) => (dayjs.isDayjs(v) ? v.format('YYYY-MM-DD') : v);
const fieldErrors = (form: ReturnType<typeof Form.useForm>[0], e: unknown) => {
  if (e instanceof ApiError && e.fields.length) form.setFields(e.fields.map((f) => ({ name: f.path.split('.'), errors: [f.message] })));
};
const clean = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined && x !== ''));
const full = { style: { width: '100%' } };

export function NewDisputePage() {
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const villages = useVillages();
  const source = Form.useWatch('source', form) as string | undefined;
  const send = useRegisterDispute({ done: (r) => navigate(`/mediation/${r.id}`), failed: (e) => fieldErrors(form, e) });
  const submit = (v: Record<string, string>) => send.mutate(clean({
    villageCode: v.villageCode, type: v.type, source: v.source, summary: v.summary, mediators: v.mediators, ticketRef: v.ticketRef,
    applicants: [clean({ name: v.applicantName, phone: v.applicantPhone, address: v.applicantAddress })],
    respondents: [clean({ name: v.respondentName, phone: v.respondentPhone })],
  }) as ApiBody<'/api/mediations'>);
  return (
    <PageContainer title="登记矛盾纠纷">
      <Card style={{ maxWidth: 640 }}>
        <Typography.Paragraph type="secondary">人民调解委员会受理后登记，一般在一个月内调结；来自12345热线的，填写工单编号后自动关联。</Typography.Paragraph>
        <Form form={form} layout="vertical" initialValues={{ source: '村（居）调委会', type: '邻里纠纷' }} onFinish={submit}>
          <Form.Item name="villageCode" label="纠纷发生地（村、社区）" rules={[{ required: true, message: '请选择村（社区）' }]}>
            <Select showSearch optionFilterProp="label" {...full} loading={villages.isLoading} options={(villages.data ?? []).map((v) => ({ value: v.code, label: `${v.township} ${v.name}` }))} />
          </Form.Item>
          <Form.Item name="type" label="纠纷类型"><Select {...full} options={DISPUTE_TYPES.map((t) => ({ value: t, label: t }))} /></Form.Item>
          <Form.Item name="source" label="纠纷来源"><Select {...full} options={SOURCES.map((t) => ({ value: t, label: t }))} /></Form.Item>
          {source === '12345热线' ? <Form.Item name="ticketRef" label="12345工单编号" rules={[{ required: true, message: '请填写工单编号' }]}><Input maxLength={40} /></Form.Item> : null}
          <Form.Item name="applicantName" label="申请人" rules={[{ required: true, message: '请填写申请人' }]}><Input maxLength={60} /></Form.Item>
          <Form.Item name="applicantPhone" label="申请人手机号（用于司法确认提醒）"><Input maxLength={11} inputMode="tel" /></Form.Item>
          <Form.Item name="applicantAddress" label="申请人住址"><Input maxLength={120} /></Form.Item>
          <Form.Item name="respondentName" label="对方当事人" rules={[{ required: true, message: '请填写对方当事人' }]}><Input maxLength={60} /></Form.Item>
          <Form.Item name="respondentPhone" label="对方当事人手机号"><Input maxLength={11} inputMode="tel" /></Form.Item>
          <Form.Item name="summary" label="纠纷简要情况" rules={[{ required: true, message: '请填写纠纷简要情况' }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
          <Form.Item name="mediators" label="调解员" rules={[{ required: true, message: '请填写调解员' }]}><Input maxLength={100} /></Form.Item>
          {send.error ? <Alert type="error" showIcon message={send.error.message} style={{ marginBottom: 12 }} /> : null}
          <Button type="primary" htmlType="submit" block loading={send.isPending}>登记</Button>
        </Form>
      </Card>
    </PageContainer>
  );
}

export function DisputePage() {
  const { id = '' } = useParams();
  const c = useCase(id);
  const f = useDisputeFile(id);
  const refresh = useRefreshDispute(id);
  if (c.isLoading || f.isLoading) return <Spin />;
  if (c.error || !c.data || !f.data) return <Result status="404" title={c.error?.message ?? f.error?.message ?? '纠纷不存在'} />;
  const d = c.data;
  const x = f.data;
  const conf = x.confirmation;
  const party = (p: { name: string; phone: string | null; address: string | null }) => `${p.name}${p.phone ? `（${p.phone}）` : ''}${p.address ? `，${p.address}` : ''}`;
  return (
    <PageContainer title={d.title} subTitle={d.refNo} tags={<StatusTag name={d.stateName} color={d.stateColor} />}>
      <ProCard direction="column" gutter={[0, 12]} ghost>
        <ProCard title="可执行的操作"><ActionButtons caseId={d.id} actions={d.actions} onDone={refresh} /></ProCard>
        <ProCard title="纠纷" data-testid="dispute">
          <Descriptions column={{ xs: 1, sm: 2 }} size="small">
            <Descriptions.Item label="发生地">{x.village}</Descriptions.Item>
            <Descriptions.Item label="类型">{x.type}</Descriptions.Item>
            <Descriptions.Item label="来源">{x.source}{x.courtStage ? `（${x.courtStage}）` : ''}</Descriptions.Item>
            <Descriptions.Item label="受理日期">{x.receivedOn}</Descriptions.Item>
            <Descriptions.Item label="申请人">{x.applicants.map(party).join('；')}</Descriptions.Item>
            <Descriptions.Item label="对方当事人">{x.respondents.map(party).join('；')}</Descriptions.Item>
            <Descriptions.Item label="调解员">{x.mediators}</Descriptions.Item>
            <Descriptions.Item label="简要情况" span={2}>{x.summary}</Descriptions.Item>
          </Descriptions>
        </ProCard>
        <ProCard title={`调解记录（${x.sessions.length}次）`} data-testid="sessions">
          {x.sessions.length ? <List size="small" dataSource={x.sessions} renderItem={(s) => <List.Item>{`${s.heldOn} ${s.mediators}${s.place ? `（${s.place}）` : ''}：${s.notes}`}</List.Item>} />
            : <Typography.Text type="secondary">尚未记录调解</Typography.Text>}
        </ProCard>
        {x.outcome ? (
          <ProCard title={`调解结果：${x.outcome}（${x.endedOn}）`} data-testid="outcome">
            {x.referral ? <Typography.Paragraph>已告知当事人可通过{x.referral}途径依法维护权利（人民调解法 第26条）。</Typography.Paragraph> : null}
            {x.endReason ? <Typography.Paragraph>{x.endReason}</Typography.Paragraph> : null}
            {x.agreement ? (
              <>
                <Typography.Paragraph>协议内容：{x.agreement.terms}</Typography.Paragraph>
                <Typography.Paragraph>履行方式、期限：{x.agreement.performance}</Typography.Paragraph>
                <Button href={agreementUrl(d.id)} data-testid="agreement-docx">下载人民调解协议书（.docx）</Button>
              </>
            ) : null}
          </ProCard>
        ) : null}
        {x.agreement ? (
          <ProCard title="司法确认（人民调解法 第33条）" data-testid="confirmation">
            <Typography.Paragraph data-testid="confirm-reminder">
              {conf.remindedAt ? `已于${fmtTime(conf.remindedAt)}以短信提醒双方当事人（${conf.remindedTo ?? 0}人）：自协议生效之日起三十日内共同向人民法院申请司法确认。` : '未发送提醒（当事人未留手机号或未开启提醒）。'}
              {conf.closingRemindedAt ? `期限届满前，已于${fmtTime(conf.closingRemindedAt)}再次短信提醒（${conf.closingRemindedTo ?? 0}人）。` : null}
            </Typography.Paragraph>
            {conf.appliedOn ? <Typography.Paragraph>{`${conf.appliedOn}向${conf.court}申请司法确认`}{conf.answer ? `；${conf.decidedOn}法院${conf.answer}${conf.rulingNo ? `（${conf.rulingNo}）` : ''}` : '，等待法院决定'}</Typography.Paragraph> : null}
          </ProCard>
        ) : null}
        {x.visitedOn ? <ProCard title="回访"><Typography.Text>{`${x.visitedOn}回访：${x.performance}`}</Typography.Text></ProCard> : null}
        {d.clocks.length ? <ProCard title="期限"><ClockCards clocks={d.clocks} /></ProCard> : null}
        <LinkedCases links={d.links} hidden={d.hiddenLinks} />
        <ProCard title="办理过程"><CaseTimeline events={d.events} /></ProCard>
      </ProCard>
    </PageContainer>
  );
}

/** 排查: a village's rounds, entered on a phone after the round. */
export function ScreeningPage() {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const villages = useVillages();
  const year = siteYear();
  const list = useScreenings({ from: `${year}-01-01`, to: siteToday() });
  const save = useRecordScreening({ done: () => { message.success('已登记排查情况'); form.resetFields(['found', 'resolved', 'notes']); }, failed: (e) => { fieldErrors(form, e); message.error(e.message); } });
  return (
    <PageContainer title="矛盾纠纷排查">
      <Space direction="vertical" style={{ width: '100%', maxWidth: 640 }}>
        <Card size="small" title="登记一次排查">
          <Form form={form} layout="vertical" onFinish={(v) => save.mutate(clean({ ...v, heldOn: day(v.heldOn) }) as ApiBody<'/api/mediation/screenings'>)} initialValues={{ heldOn: siteTodayDayjs() }}>
            <Form.Item name="villageCode" label="村（社区）" rules={[{ required: true, message: '请选择村（社区）' }]}>
              <Select {...full} options={(villages.data ?? []).map((v) => ({ value: v.code, label: `${v.township} ${v.name}` }))} />
            </Form.Item>
            <Form.Item name="heldOn" label="排查日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker {...full} /></Form.Item>
            <Form.Item name="found" label="排查发现纠纷（件）" rules={[{ required: true, message: '请填写' }]}><InputNumber min={0} {...full} /></Form.Item>
            <Form.Item name="resolved" label="当场化解（件）" rules={[{ required: true, message: '请填写' }]}><InputNumber min={0} {...full} /></Form.Item>
            <Form.Item name="notes" label="情况说明"><Input.TextArea rows={2} maxLength={500} /></Form.Item>
            <Button type="primary" htmlType="submit" block loading={save.isPending}>登记</Button>
          </Form>
        </Card>
        <Card size="small" title={`${year}年排查：${list.data?.totals.rounds ?? 0}次，发现纠纷${list.data?.totals.found ?? 0}件，当场化解${list.data?.totals.resolved ?? 0}件`}>
          <List size="small" dataSource={list.data?.items ?? []} renderItem={(s) => <List.Item>{`${s.heldOn} ${s.village}：发现${s.found}件，化解${s.resolved}件${s.notes ? `（${s.notes}）` : ''}`}</List.Item>} />
        </Card>
      </Space>
    </PageContainer>
  );
}

const FIGURES = ['mediation.received', 'mediation.resolved', 'mediation.successRate', 'mediation.judiciallyConfirmed', 'mediation.screened'];

/** The year's figures, 万人调解率 by township (with the refusal where no population is held) and the population register. */
export function MediationFiguresPage() {
  const me = useMe();
  const [year, setYear] = useState(siteYear());
  const today = siteToday();
  const to = `${year}-12-31` < today ? `${year}-12-31` : today;
  const query = { from: `${year}-01-01`, to };
  const figures = useMediationFigures(FIGURES, query);
  const rates = useRates(query);
  const keeper = hasPermission(me, 'mediation.population');
  return (
    <PageContainer title="矛盾纠纷调解统计" extra={<InputNumber min={2019} max={2100} value={year} onChange={(v) => v && setYear(v)} />}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {figures.error ? <Alert type="error" message={figures.error.message} /> : null}
        <Space wrap size={12} align="start">
          {(figures.data ?? []).map((m) => (
            <Card key={m.key} size="small" style={{ width: 240 }} data-testid={`figure-${m.key}`}>
              <Statistic title={m.label} value={formatMetric(m)} suffix={m.unit === 'count' ? '件' : undefined} />
              {isRatio(m.unit) ? <Typography.Text type="secondary">{m.numerator}/{m.denominator ?? 0}</Typography.Text> : null}
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }} ellipsis={{ rows: 2, expandable: true, symbol: '口径' }}>{m.definition}</Typography.Paragraph>
              <Link to={`/metrics/${m.key}/${m.records === 'rows' ? 'rows' : 'records'}?${qs({ ...query, divisionCode: m.query.divisionCode })}`}>查看明细</Link>
            </Card>
          ))}
        </Space>
        <Card title="万人调解率（受理纠纷数 ÷ 常住人口 × 10000）" size="small" data-testid="rates">
          {rates.error ? <Alert type="error" message={rates.error.message} /> : null}
          <Table rowKey="divisionCode" size="small" pagination={false} loading={rates.isLoading} dataSource={rates.data ?? []} scroll={{ x: 480 }}
            columns={[
              { title: '区划', dataIndex: 'name', render: (v: string, r) => (r.level === 'county' ? <b>{v}（全区）</b> : v) },
              { title: '受理纠纷', dataIndex: 'received' },
              { title: '常住人口', render: (_: unknown, r) => (r.population === null ? '—' : `${r.population.toLocaleString('zh-CN')}${r.summed ? '（下辖合计）' : ''}（${r.populationAsOf}）`) },
              { title: '万人调解率', render: (_: unknown, r) => (r.perTenThousand === null ? <Tag color="warning" title={r.refusal ?? ''}>无人口数，不计算</Tag> : <b data-testid={`rate-${r.divisionCode}`}>{r.perTenThousand.toFixed(2)}</b>) },
            ]} />
          {(rates.data ?? []).filter((r) => r.refusal).map((r) => <Typography.Paragraph key={r.divisionCode} type="secondary" style={{ fontSize: 12, margin: 0 }}>{r.refusal}</Typography.Paragraph>)}
        </Card>
        {keeper ? <PopulationCard /> : null}
      </Space>
    </PageContainer>
  );
}

/** The population register: entered row by row, or a table pasted from the statistics bureau (代码、日期、人口). */
function PopulationCard() {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const list = usePopulations(true);
  const save = useRecordPopulation({ done: () => { message.success('已登记常住人口'); form.resetFields(['table']); }, failed: (e) => message.error(e.message) });
  const [badRows, setBadRows] = useState<ImportRowError[]>([]);
  const imp = useImportPopulations({ done: (n) => { setBadRows([]); message.success(`已导入${n}条常住人口`); }, failed: (e) => setBadRows(e.rows ?? []) });
  const submit = (v: { source: string; table: string }) => {
    const rows = v.table.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).map((l) => l.split(/[\s,，\t]+/)).map(([divisionCode, asOf, population]) => ({ divisionCode, asOf, population: Number(population) }));
    save.mutate({ source: v.source, rows });
  };
  return (
    <Card title="常住人口登记" size="small" data-testid="population-card">
      <Space wrap style={{ marginBottom: 12 }}>
        <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => { imp.mutate(f); return false; }}><Button loading={imp.isPending}>从xlsx文件导入</Button></Upload>
        <a href={apiUrl('/api/mediation/populations/template')}>下载导入模板</a>
      </Space>
      {imp.error ? <ImportErrors message={imp.error.message} rows={badRows} testId="population-import-errors" /> : null}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="source" label="数据来源" rules={[{ required: true, message: '请填写数据来源' }]}><Input maxLength={100} placeholder="区统计局统计公报" /></Form.Item>
        <Form.Item name="table" label="每行：区划代码 统计日期 常住人口（可从表格粘贴）" rules={[{ required: true, message: '请填写人口数据' }]}>
          <Input.TextArea rows={3} placeholder="411202007 2025-12-31 21000" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>保存</Button>
      </Form>
      <Table rowKey="id" size="small" style={{ marginTop: 12 }} pagination={{ pageSize: 10 }} dataSource={list.data ?? []} scroll={{ x: 480 }}
        columns={[{ title: '区划', dataIndex: 'divisionName' }, { title: '代码', dataIndex: 'divisionCode' }, { title: '统计日期', dataIndex: 'asOf' }, { title: '常住人口', dataIndex: 'population' }, { title: '来源', dataIndex: 'source' }]} />
    </Card>
  );
}

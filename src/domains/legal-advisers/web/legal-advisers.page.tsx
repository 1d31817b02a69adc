/**
 * 村（居）法律顾问: the adviser's work log on a phone (one column, big choices), the village's
 * confirmation list, and the roster with the year's seven counts for the justice bureau and leaders.
 */
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, List, Radio, Result, Select, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { ApiError, qs, type ApiBody } from '../../../core/web/api';
import { hasPermission, useMe } from '../../../core/web/auth';
import { WORK_KINDS, WORK_KIND_KEYS } from '../shared/legal-advisers.labels';
import { useAdviserFigures, useConfirmLog, useLogWork, useMyAdviser, useRoster, useWorkLogs } from './legal-advisers.hooks';
import { siteYear, siteToday, siteTodayDayjs } from '../../../core/web/time';

const full = { style: { width: '100%' } };
const thisYear = () => ({ from: `${siteYear()}-01-01`, to: siteToday() });

function LogStatus({ confirmedAt, confirmedBy }: { confirmedAt: string | null; confirmedBy: string | null }) {
  return confirmedAt ? <Tag color="success">{confirmedBy ?? '村（社区）'}已确认</Tag> : <Tag color="warning">待村（社区）确认</Tag>;
}

export function WorkLogPage() {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const me = useMyAdviser();
  const logs = useWorkLogs(thisYear());
  const save = useLogWork({
    done: () => { message.success('已登记，待村（社区）确认'); form.resetFields(['subject']); },
    failed: (e) => { if (e instanceof ApiError && e.fields.length) form.setFields(e.fields.map((f) => ({ name: f.path.split('.'), errors: [f.message] }))); message.error(e.message); },
  });
  if (me.isLoading) return <Spin />;
  if (me.error || !me.data) return <Result status="404" title={me.error?.message ?? '未关联法律顾问档案'} />;
  const villages = me.data.villages;
  return (
    <PageContainer title="法律顾问工作记录" subTitle={`${me.data.name}（${me.data.firm}）`}>
      <Space direction="vertical" style={{ width: '100%', maxWidth: 640 }}>
        <Card size="small" title="登记一项工作">
          {villages.length === 0 ? <Alert type="warning" message="您目前没有在聘的村（社区），不能登记工作记录" /> : (
            <Form form={form} layout="vertical" initialValues={{ villageCode: villages[0].code, kind: 'opinion', servedOn: siteTodayDayjs() }}
              onFinish={(v) => save.mutate({ ...v, servedOn: dayjs(v.servedOn).format('YYYY-MM-DD') } as ApiBody<'/api/legal-advisers/logs'>)}>
              <Form.Item name="villageCode" label="服务的村（社区）"><Select {...full} options={villages.map((v) => ({ value: v.code, label: `${v.name}（聘期至${v.endOn}）` }))} /></Form.Item>
              <Form.Item name="kind" label="工作类别">
                <Radio.Group optionType="button" buttonStyle="solid" options={WORK_KIND_KEYS.map((k) => ({ value: k, label: WORK_KINDS[k].label }))} />
              </Form.Item>
              <Form.Item name="servedOn" label="服务日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker {...full} inputReadOnly /></Form.Item>
              <Form.Item name="subject" label="服务事项" rules={[{ required: true, message: '请填写服务事项' }]}><Input.TextArea rows={2} maxLength={300} placeholder="如：村民咨询土地承包经营权流转" /></Form.Item>
              <Button type="primary" htmlType="submit" block loading={save.isPending}>登记</Button>
            </Form>
          )}
        </Card>
        <Card size="small" title={`本年度我的工作记录（${logs.data?.length ?? 0}条）`} data-testid="my-logs">
          <List size="small" loading={logs.isLoading} dataSource={logs.data ?? []}
            renderItem={(l) => <List.Item extra={<LogStatus confirmedAt={l.confirmedAt} confirmedBy={l.confirmedBy} />}>{`${l.servedOn} ${l.village} · ${l.kindName}：${l.subject}`}</List.Item>} />
        </Card>
      </Space>
    </PageContainer>
  );
}

/** The village confirms its adviser's entries. */
export function ConfirmLogsPage() {
  const { message } = App.useApp();
  const logs = useWorkLogs({ ...thisYear(), unconfirmed: 'true' });
  const confirm = useConfirmLog({ done: () => message.success('已确认'), failed: (e) => message.error(e.message) });
  return (
    <PageContainer title="确认法律顾问工作记录">
      <Card size="small" style={{ maxWidth: 640 }} data-testid="pending-logs">
        <List loading={logs.isLoading} dataSource={(logs.data ?? []).filter((l) => l.canConfirm)} locale={{ emptyText: '没有待确认的工作记录' }}
          renderItem={(l) => (
            <List.Item actions={[<Button key="ok" type="primary" onClick={() => confirm.mutate(l.id)} loading={confirm.isPending && confirm.variables === l.id}>确认</Button>]}>
              <List.Item.Meta title={`${l.adviser} · ${l.kindName}`} description={`${l.servedOn} ${l.village}：${l.subject}`} />
            </List.Item>
          )} />
      </Card>
    </PageContainer>
  );
}

const FIGURES = ['legalAdvisers.count', ...WORK_KIND_KEYS.map((k) => WORK_KINDS[k].metric)];

export function AdvisersPage() {
  const [year, setYear] = useState(siteYear());
  const today = siteToday();
  const query = { from: `${year}-01-01`, to: `${year}-12-31` < today ? `${year}-12-31` : today };
  // Figures are for those who read figures (the bureau, leaders); a village sees the roster only.
  const figures = useAdviserFigures(FIGURES, query, hasPermission(useMe(), 'metrics.read'));
  const roster = useRoster();
  return (
    <PageContainer title="村（居）法律顾问" extra={<InputNumber min={2019} max={2100} value={year} onChange={(v) => v && setYear(v)} />}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {figures.error ? <Alert type="error" message={figures.error.message} /> : null}
        <Space wrap size={12}>
          {(figures.data ?? []).map((m) => (
            <Card key={m.key} size="small" style={{ width: 200 }} data-testid={`figure-${m.key}`}>
              <Statistic title={m.label.replace(/^法律顾问/, '')} value={m.numerator} />
              <Link to={`/metrics/${m.key}/rows?${qs({ ...query, divisionCode: m.query.divisionCode })}`}>查看明细</Link>
            </Card>
          ))}
        </Space>
        <Card size="small" title="名册">
          <Table rowKey="id" size="small" loading={roster.isLoading} dataSource={roster.data ?? []} pagination={{ pageSize: 20 }} scroll={{ x: 600 }}
            columns={[
              { title: '姓名', dataIndex: 'name' }, { title: '类别', dataIndex: 'kind' }, { title: '执业机构', dataIndex: 'firm' },
              { title: '受聘村（社区）', render: (_: unknown, r) => r.villages.filter((v) => v.current).map((v) => v.name).join('、') || <Typography.Text type="secondary">无在聘</Typography.Text> },
              { title: '手机登记', render: (_: unknown, r) => (r.hasLogin ? '已开通' : '—') },
            ]} />
        </Card>
      </Space>
    </PageContainer>
  );
}

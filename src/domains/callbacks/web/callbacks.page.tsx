/**
 * 回访 for staff: the agent's queue (due first), the callback form with its script, and — for those who
 * manage it — the sampling rate, attempts and script per kind.
 */
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Card, Descriptions, Form, Input, Modal, Radio, Result, Segmented, Space, Spin, Table, Tag, Timeline, Typography } from 'antd';
import { hasPermission, useMe } from '../../../core/web/auth';
import { fmtTime } from '../../../core/web/time';
import { z } from 'zod';
import { DynamicFields, type JsonSchema } from '../../../core/web/dynamic-form';
import { CallbackSettingsInput, SATISFACTION } from '../shared/callbacks.schema';
import { useCallback, useCallbackContact, useCallbackQueue, useCallbackSettings, useRecordAttempt, useSaveCallbackSetting, type CallbackItem, type CallbackSetting } from './callbacks.hooks';

/** The settings form is the API's input schema (titles, bounds, hints): the page restates no rule. */
const SETTINGS_FORM = z.toJSONSchema(CallbackSettingsInput.omit({ kind: true })) as JsonSchema;

const STATE_COLOR: Record<string, string> = { pending: 'processing', done: 'success', unreached: 'default' };

function SettingsCard() {
  const s = useCallbackSettings();
  const [editing, setEditing] = useState<CallbackSetting | null>(null);
  const [form] = Form.useForm();
  const save = useSaveCallbackSetting(() => setEditing(null));
  return (
    <Card title="回访设置" size="small" style={{ marginTop: 16 }}>
      <Table<CallbackSetting> rowKey="kind" size="small" pagination={false} loading={s.isLoading} dataSource={s.data ?? []}
        columns={[
          { title: '类型', dataIndex: 'kindName' },
          { title: '抽样比例', dataIndex: 'samplePercent', render: (v: number) => `${v}%` },
          { title: '最多拨打', dataIndex: 'maxAttempts', render: (v: number) => `${v}次` },
          { title: '重拨间隔', dataIndex: 'retryHours', render: (v: number) => `${v}小时` },
          { title: '话术', dataIndex: 'script', ellipsis: true },
          { title: '', key: 'op', render: (_: unknown, r) => <Button size="small" onClick={() => { save.reset(); setEditing(r); }}>修改</Button> },
        ]} />
      <Modal open={!!editing} title={`回访设置：${editing?.kindName ?? ''}`} okText="保存" cancelText="取消" onCancel={() => setEditing(null)} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={editing ?? undefined} onFinish={(v) => save.mutate({ ...v, kind: editing!.kind })}>
          <DynamicFields schema={SETTINGS_FORM} />
          {save.error ? <Alert type="error" showIcon message={save.error.message} /> : null}
        </Form>
      </Modal>
    </Card>
  );
}

export function CallbackQueuePage() {
  const me = useMe();
  const navigate = useNavigate();
  const [state, setState] = useState('pending');
  const [page, setPage] = useState(1);
  const q = useCallbackQueue({ state: state as 'pending', page, pageSize: 20 });
  return (
    <PageContainer title="回访" content="对办结的办件和12345工单按比例抽样电话回访：是否联系上、事情是否办成（问题是否解决）、是否满意。未联系上的按间隔重拨，达到最多次数后结束。">
      <Card extra={<Segmented value={state} onChange={(v) => { setState(String(v)); setPage(1); }} options={[{ value: 'pending', label: '待回访' }, { value: 'done', label: '已回访' }, { value: 'unreached', label: '未联系上' }, { value: 'all', label: '全部' }]} />}>
        <Table<CallbackItem> rowKey="id" size="small" loading={q.isLoading} dataSource={q.data?.items ?? []} data-testid="callback-queue"
          pagination={{ current: page, pageSize: 20, total: q.data?.total ?? 0, onChange: setPage, showTotal: (n) => `共 ${n} 件` }}
          onRow={(r) => ({ onClick: () => navigate(`/callbacks/${r.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { title: '编号', dataIndex: 'refNo' },
            { title: '事项', dataIndex: 'title' },
            { title: '类型', dataIndex: 'kindName' },
            { title: '承办单位', dataIndex: 'orgName' },
            { title: '办结时间', dataIndex: 'closedAt', render: fmtTime },
            { title: '状态', dataIndex: 'stateName', render: (v: string, r) => <Tag color={STATE_COLOR[r.state]}>{v}</Tag> },
            { title: '已拨打', key: 'a', render: (_: unknown, r) => `${r.attempts}/${r.maxAttempts}` },
            { title: '应拨打时间', dataIndex: 'nextAttemptAt', render: (v: string, r) => (r.state === 'pending' ? <span style={{ color: r.due ? '#cf1322' : undefined }}>{fmtTime(v)}</span> : '—') },
            { title: '满意度', dataIndex: 'satisfactionName', render: (v: string | null) => v ?? '—' },
          ]} />
      </Card>
      {hasPermission(me, 'callback.manage') ? <SettingsCard /> : null}
    </PageContainer>
  );
}

export function CallbackPage() {
  const { id = '' } = useParams();
  const d = useCallback(id);
  const phone = useCallbackContact(id);
  const [form] = Form.useForm();
  const reached = Form.useWatch('reached', form);
  const save = useRecordAttempt(id, () => form.resetFields());
  if (d.isLoading) return <Spin />;
  if (d.error || !d.data) return <Result status="404" title={d.error?.message ?? '回访记录不存在'} />;
  const c = d.data;
  return (
    <PageContainer title={`${c.kindName}：${c.title}`} tags={<Tag color={STATE_COLOR[c.state]} data-testid="callback-state">{c.stateName}</Tag>}>
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Card size="small">
          <Descriptions column={{ xs: 1, sm: 2, md: 3 }}>
            <Descriptions.Item label="编号">{c.refNo}</Descriptions.Item>
            <Descriptions.Item label="承办单位">{c.orgName}</Descriptions.Item>
            <Descriptions.Item label="办结时间">{fmtTime(c.closedAt)}</Descriptions.Item>
            <Descriptions.Item label="已拨打">{`${c.attempts}/${c.maxAttempts}次`}</Descriptions.Item>
            {c.state === 'done' ? <Descriptions.Item label="是否解决">{c.resolved ? '已解决（已办成）' : '未解决'}</Descriptions.Item> : null}
            {c.state === 'done' ? <Descriptions.Item label="满意度">{c.satisfactionName}</Descriptions.Item> : null}
            {c.agentName ? <Descriptions.Item label="回访员">{c.agentName}</Descriptions.Item> : null}
          </Descriptions>
        </Card>
        <Card size="small" title="回访话术"><Typography.Paragraph style={{ marginBottom: 0 }}>{c.script}</Typography.Paragraph></Card>
        {c.canPerform ? (
          <Card size="small" title="记录本次回访">
            <Space direction="vertical" style={{ width: '100%' }}>
              {phone.data ? <Alert type="info" showIcon message={`联系电话：${phone.data.phone}`} description="查看已记录在审计日志中。" />
                : <Button onClick={() => phone.mutate()} loading={phone.isPending}>查看联系电话（留痕）</Button>}
              {phone.error ? <Alert type="warning" showIcon message={phone.error.message} /> : null}
              <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v.reached ? v : { reached: false, note: v.note })} style={{ maxWidth: 560 }}>
                <Form.Item name="reached" label="是否联系上" rules={[{ required: true, message: '请选择是否联系上' }]}>
                  <Radio.Group options={[{ value: true, label: '已联系上' }, { value: false, label: '未联系上' }]} />
                </Form.Item>
                {reached ? (
                  <>
                    <Form.Item name="resolved" label="事情是否办成（问题是否解决）" rules={[{ required: true, message: '请选择是否解决' }]}>
                      <Radio.Group options={[{ value: true, label: '已解决' }, { value: false, label: '未解决' }]} />
                    </Form.Item>
                    <Form.Item name="satisfaction" label="满意度" rules={[{ required: true, message: '请选择满意度' }]}>
                      <Radio.Group optionType="button" options={[5, 4, 3, 2, 1].map((v) => ({ value: v, label: SATISFACTION[v as 5] }))} />
                    </Form.Item>
                  </>
                ) : null}
                <Form.Item name="note" label="回访记录"><Input.TextArea rows={3} maxLength={1000} /></Form.Item>
                {save.error ? <Alert type="error" showIcon message={save.error.message} style={{ marginBottom: 12 }} /> : null}
                <Button type="primary" htmlType="submit" loading={save.isPending}>保存回访结果</Button>
              </Form>
            </Space>
          </Card>
        ) : null}
        <Card size="small" title="拨打记录">
          {c.history.length ? <Timeline items={c.history.map((h) => ({ color: h.reached ? 'green' : 'gray', children: `${fmtTime(h.at)} ${h.agentName}：${h.reached ? '已联系上' : '未联系上'}${h.note ? `（${h.note}）` : ''}` }))} /> : <Typography.Text type="secondary">尚未拨打</Typography.Text>}
        </Card>
      </Space>
    </PageContainer>
  );
}

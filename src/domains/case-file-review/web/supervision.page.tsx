/**
 * 执法监督 for the justice bureau: open a supervision matter on a unit (a 12345 complaint by its ticket
 * number, linked both ways; a letter; a review finding; its own initiative), then the generic case page
 * verifies it, issues the 监督意见书 and reviews the unit's reply; and the 行政执法联席会议 records.
 */
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { PageContainer } from '@ant-design/pro-components';
import { App, Button, Card, DatePicker, Form, Input, Modal, Select, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { ApiError } from '../../../core/web/api';
import { siteTodayDayjs } from '../../../core/web/time';
import { SUPERVISION_SOURCES } from '../shared/case-file-review.schema';
import { useJointMeetings, useOpenSupervision, useRecordJointMeeting, useSupervisionUnits } from './case-file-review.hooks';

const fieldErrors = (form: ReturnType<typeof Form.useForm>[0], e: unknown) => {
  if (e instanceof ApiError && e.fields.length) form.setFields(e.fields.map((f) => ({ name: f.path.split('.').slice(0, 1), errors: [f.message] })));
};

export function NewSupervisionPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const units = useSupervisionUnits();
  const source = Form.useWatch('source', form);
  const open = useOpenSupervision({ done: (r) => { message.success(`已受理监督事项${r.refNo}`); navigate(`/cases/${r.id}`); }, failed: (e) => { fieldErrors(form, e); message.error(e.message); } });
  return (
    <PageContainer title="受理行政执法监督事项">
      <Card style={{ maxWidth: 760 }}>
        <Form form={form} layout="vertical" initialValues={{ source: '12345投诉' }}
          onFinish={(v) => open.mutate({ orgId: v.orgId, source: v.source, summary: v.summary, ...(v.source === '12345投诉' ? { ticketRef: v.ticketRef } : {}) })}>
          <Form.Item name="orgId" label="被监督单位" rules={[{ required: true, message: '请选择被监督单位' }]}>
            <Select showSearch loading={units.isLoading} optionFilterProp="label" options={(units.data ?? []).map((o) => ({ value: o.id, label: o.name }))} />
          </Form.Item>
          <Form.Item name="source" label="事项来源"><Select options={SUPERVISION_SOURCES.map((s) => ({ value: s, label: s }))} /></Form.Item>
          {source === '12345投诉' && (
            <Form.Item name="ticketRef" label="12345工单编号" extra="工单与监督事项双向关联：工单页显示“转行政执法监督”" rules={[{ required: true, message: '请填写12345工单编号' }]}>
              <Input maxLength={40} style={{ width: 280 }} />
            </Form.Item>
          )}
          <Form.Item name="summary" label="投诉或监督事项" rules={[{ required: true, message: '请填写投诉或监督事项' }]}><Input.TextArea rows={4} maxLength={2000} /></Form.Item>
          <Button type="primary" htmlType="submit" loading={open.isPending}>受理</Button>
        </Form>
      </Card>
    </PageContainer>
  );
}

export function JointMeetingsPage() {
  const { message } = App.useApp();
  const list = useJointMeetings();
  const units = useSupervisionUnits();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const record = useRecordJointMeeting({ done: () => { setOpen(false); form.resetFields(); message.success('已记录联席会议'); }, failed: (e) => { fieldErrors(form, e); message.error(e.message); } });
  return (
    <PageContainer title="行政执法联席会议" extra={<Button type="primary" onClick={() => setOpen(true)}>记录联席会议</Button>}>
      <Table rowKey="id" loading={list.isLoading} dataSource={list.data ?? []} pagination={false} data-testid="joint-meetings"
        columns={[
          { title: '会议日期', dataIndex: 'heldOn', width: 120 },
          { title: '会议议题', dataIndex: 'topic' },
          { title: '参会单位', dataIndex: 'attendees', render: (v: string[]) => v.map((n) => <Tag key={n}>{n}</Tag>) },
          { title: '协调事项', dataIndex: 'items', render: (v: string[]) => <ol style={{ margin: 0, paddingLeft: 18 }}>{v.map((x, i) => <li key={i}>{x}</li>)}</ol> },
        ]} />
      <Modal open={open} title="记录行政执法联席会议" okText="保存" onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={record.isPending} width={640} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ heldOn: siteTodayDayjs() }}
          onFinish={(v) => record.mutate({
            heldOn: dayjs(v.heldOn).format('YYYY-MM-DD'), topic: v.topic, attendeeOrgIds: v.attendeeOrgIds ?? [],
            items: String(v.items ?? '').split('\n').map((x) => x.trim()).filter(Boolean), minutes: v.minutes || undefined,
          })}>
          <Form.Item name="heldOn" label="会议日期" rules={[{ required: true, message: '请选择会议日期' }]}><DatePicker /></Form.Item>
          <Form.Item name="topic" label="会议议题" rules={[{ required: true, message: '请填写会议议题' }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="attendeeOrgIds" label="参会单位" rules={[{ required: true, message: '请至少选择一个参会单位' }]}>
            <Select mode="multiple" optionFilterProp="label" options={(units.data ?? []).map((o) => ({ value: o.id, label: o.name }))} />
          </Form.Item>
          <Form.Item name="items" label="协调事项（每行一项）" rules={[{ required: true, message: '请至少填写一项协调事项' }]}><Input.TextArea rows={4} /></Form.Item>
          <Form.Item name="minutes" label="会议纪要"><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}

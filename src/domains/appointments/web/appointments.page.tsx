/**
 * 预约: a citizen books a counter slot on a phone (site → day → time → name, id number, phone), and
 * gets a booking number; 延时服务 and 上门服务 are offered as their own slots. The counter sees its day.
 */
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { PageContainer, ProCard } from '@ant-design/pro-components';
import { Alert, App, Button, Card, DatePicker, Form, Input, Radio, Result, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ApiBody } from '../../../core/web/api';
import { useAppointmentSites, useArrive, useBookAppointment, useDayAppointments, useSlotDays, useSlots, type DayAppointment, type Slot } from './appointments.hooks';
import { siteToday } from '../../../core/web/time';

const KIND_COLOR: Record<string, string> = { regular: 'blue', extendedHours: 'orange', homeVisit: 'purple' };

export function AppointmentBookingPage() {
  const [params] = useSearchParams();
  const itemId = params.get('itemId') ?? undefined;
  const [orgId, setOrgId] = useState<string>();
  const [day, setDay] = useState<string>();
  const [slot, setSlot] = useState<Slot | null>(null);
  const [form] = Form.useForm();
  const sites = useAppointmentSites();
  const days = useSlotDays(orgId);
  const slots = useSlots(orgId, day);
  const book = useBookAppointment(() => { void slots.refetch(); });
  if (book.data) {
    const a = book.data;
    return (
      <div style={{ maxWidth: 480, margin: '0 auto', padding: 12 }}>
        <Result status="success" title="预约成功" subTitle={<span data-testid="appointment-code">预约号 {a.code}</span>}
          extra={<Typography.Paragraph style={{ textAlign: 'left' }}>{a.orgName}<br />{a.day} {a.startTime}—{a.endTime}（{a.kindName}）<br />{a.itemName ?? ''}<br />请凭预约号和身份证按时到场；如需取消，请凭预约号和手机号后4位办理。</Typography.Paragraph>} />
      </div>
    );
  }
  return (
    <div style={{ maxWidth: 480, margin: '0 auto', padding: 12 }}>
      <Typography.Title level={4} style={{ marginTop: 8 }}>预约办事</Typography.Title>
      <Card size="small" title="1. 选择办理地点">
        <Select style={{ width: '100%' }} placeholder="政务服务中心或便民服务中心" value={orgId} onChange={(v) => { setOrgId(v); setDay(undefined); setSlot(null); }}
          options={(sites.data ?? []).map((s) => ({ value: s.id, label: s.name }))} data-testid="appt-site" />
      </Card>
      {orgId ? (
        <Card size="small" title="2. 选择日期" style={{ marginTop: 8 }}>
          {days.data?.days.length ? (
            <Space wrap>{days.data.days.map((d) => (
              <Button key={d} type={d === day ? 'primary' : 'default'} onClick={() => { setDay(d); setSlot(null); }} data-testid="appt-day">{dayjs(d).format('M月D日 ddd')}</Button>
            ))}</Space>
          ) : <span>近期暂无可预约的日期</span>}
        </Card>
      ) : null}
      {day ? (
        <Card size="small" title="3. 选择时段" style={{ marginTop: 8 }}>
          <Radio.Group value={slot?.id} onChange={(e) => setSlot(slots.data?.slots.find((s) => s.id === e.target.value) ?? null)} style={{ width: '100%' }}>
            <Space direction="vertical" style={{ width: '100%' }}>
              {(slots.data?.slots ?? []).map((s) => (
                <Radio key={s.id} value={s.id} disabled={s.remaining === 0} data-testid="appt-slot">
                  {s.startTime}—{s.endTime} <Tag color={KIND_COLOR[s.kind]}>{s.kindName}</Tag>{s.remaining === 0 ? '已约满' : `余${s.remaining}个`}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Card>
      ) : null}
      {slot ? (
        <Card size="small" title="4. 填写预约人信息" style={{ marginTop: 8 }}>
          <Form form={form} layout="vertical" onFinish={(v: Record<string, string>) => book.mutate({ ...v, slotId: slot.id, itemId } as ApiBody<'/api/public/appointments'>)}>
            <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}><Input maxLength={50} /></Form.Item>
            <Form.Item name="idNumber" label="身份证号" rules={[{ required: true, len: 18, message: '证件号码应为18位' }]}><Input maxLength={18} /></Form.Item>
            <Form.Item name="phone" label="手机号码" rules={[{ required: true, pattern: /^1\d{10}$/, message: '手机号码应为11位数字' }]}><Input maxLength={11} inputMode="numeric" /></Form.Item>
            {slot.kind === 'homeVisit' ? <Form.Item name="address" label="上门服务地址" rules={[{ required: true, message: '请填写上门地址' }]}><Input maxLength={200} /></Form.Item> : null}
            {book.error ? <Alert type="error" showIcon message={book.error.message} style={{ marginBottom: 12 }} /> : null}
            <Button type="primary" htmlType="submit" block size="large" loading={book.isPending}>确认预约</Button>
          </Form>
        </Card>
      ) : null}
    </div>
  );
}

export function AppointmentDayPage() {
  const { message } = App.useApp();
  const [day, setDay] = useState(siteToday());
  const list = useDayAppointments(day);
  const arrive = useArrive({ done: () => message.success('已登记到场'), failed: (e) => message.error(e.message) });
  const by = (k: string) => (list.data ?? []).filter((a) => a.status !== 'cancelled' && a.kindName === k).length;
  return (
    <PageContainer title="预约接待" subTitle="本中心当日预约：窗口预约、延时服务、上门服务">
      <ProCard>
        <Space style={{ marginBottom: 12 }} wrap>
          <DatePicker value={dayjs(day)} onChange={(d) => d && setDay(d.format('YYYY-MM-DD'))} allowClear={false} />
          <Tag color="blue">窗口预约 {by('窗口预约')}</Tag><Tag color="orange">延时服务 {by('延时服务')}</Tag><Tag color="purple">上门服务 {by('上门服务')}</Tag>
        </Space>
        <Table<DayAppointment> rowKey="id" size="small" loading={list.isLoading} dataSource={list.data ?? []} pagination={{ pageSize: 50 }} data-testid="appointment-day"
          columns={[
            { title: '时段', render: (_, a) => `${a.startTime}—${a.endTime}` },
            { title: '方式', dataIndex: 'kindName' },
            { title: '地点', dataIndex: 'orgName' },
            { title: '预约人', dataIndex: 'name' },
            { title: '电话', dataIndex: 'phone' },
            { title: '事项', dataIndex: 'itemName', render: (v) => v ?? '—' },
            { title: '上门地址', dataIndex: 'address', render: (v) => v ?? '—' },
            { title: '预约号', dataIndex: 'code' },
            { title: '状态', dataIndex: 'statusName' },
            { title: '', render: (_, a) => (a.status === 'booked' ? <Button size="small" onClick={() => arrive.mutate(a.id)}>登记到场</Button> : null) },
          ]} />
      </ProCard>
    </PageContainer>
  );
}

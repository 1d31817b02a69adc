/**
 * The official calendar: a year as twelve month grids, each day marked 班 or 休 with its holiday name,
 * overrides highlighted. Administrators open next year as a draft, enter the State Council's notice,
 * and publish it; only published years take part in deadline arithmetic.
 */
import { useState } from 'react';
import { PageContainer, ProCard } from '@ant-design/pro-components';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Popconfirm, Radio, Space, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import type { CalendarYear } from '../../../core/shared/schemas';
import { ApiError } from '../../../core/web/api';
import { siteYear } from '../../../core/web/time';
import { useCalendarEdits, useCalendarYear } from '../app.hooks';

const STATUS: Record<CalendarYear['status'], [string, string]> = { published: ['已发布', 'green'], draft: ['草稿（未参与计算）', 'orange'], missing: ['未维护', 'default'] };
const WEEK = ['一', '二', '三', '四', '五', '六', '日'];

export function CalendarPage() {
  const { message } = App.useApp();
  const [year, setYear] = useState(siteYear());
  const q = useCalendarYear(year);
  const [form] = Form.useForm();
  const [openDay, setOpenDay] = useState(false);
  const [openYear, setOpenYear] = useState(false);
  const [yearForm] = Form.useForm();
  const onErr = (e: Error) => { if (e instanceof ApiError) form.setFields(e.fields.map((f) => ({ name: f.path, errors: [f.message] }))); message.error(e.message); };
  const { setDay, removeDay, open, publish } = useCalendarEdits(year, {
    saved: () => { message.success('已保存'); setOpenDay(false); },
    removed: () => { message.success('已删除'); },
    opened: () => { setOpenYear(false); },
    published: () => { message.success(`${year}年节假日安排已发布`); },
    failed: onErr,
  });
  const data = q.data;
  const overrides = new Map((data?.days ?? []).map((d) => [d.date, d]));
  return (
    <PageContainer title="节假日安排" subTitle="依国务院办公厅每年发布的部分节假日安排通知维护；到期日计算只使用已发布年度">
      <ProCard>
        <Space wrap style={{ marginBottom: 16 }}>
          <InputNumber value={year} min={2019} max={2100} onChange={(v) => v && setYear(v)} addonBefore="年度" data-testid="calendar-year" />
          {data ? <Tag color={STATUS[data.status][1]}>{STATUS[data.status][0]}</Tag> : null}
          {data?.source ? <Typography.Text type="secondary">依据：{data.source}</Typography.Text> : null}
          {data?.status === 'missing' ? <Button type="primary" onClick={() => setOpenYear(true)}>新建{year}年度</Button> : null}
          {data && data.status !== 'missing' ? <Button onClick={() => { form.resetFields(); form.setFieldsValue({ kind: 'holiday' }); setOpenDay(true); }}>添加放假或调休日</Button> : null}
          {data?.status === 'draft' ? <Popconfirm title={`发布后${year}年安排将用于所有到期日计算，确认？`} onConfirm={() => publish.mutate()}><Button type="primary">发布</Button></Popconfirm> : null}
        </Space>
        {data?.status === 'draft' ? <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={`${year}年度仍为草稿：跨入该年度的到期日暂不计算，发布后自动补算。`} /> : null}
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(250px, 1fr))', gap: 16 }}>
          {Array.from({ length: 12 }, (_, m) => <Month key={m} year={year} month={m} overrides={overrides} onRemove={(d) => removeDay.mutate(d)} editable={data?.status !== 'missing'} />)}
        </div>
      </ProCard>
      <Modal open={openDay} title="添加放假或调休上班日" okText="保存" cancelText="取消" confirmLoading={setDay.isPending} onCancel={() => setOpenDay(false)} onOk={async () => { const v: { date: dayjs.Dayjs; kind: 'holiday' | 'workday'; name: string } = await form.validateFields(); setDay.mutate({ date: v.date.format('YYYY-MM-DD'), kind: v.kind, name: v.name }); }}>
        <Form form={form} layout="vertical">
          <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker style={{ width: '100%' }} defaultPickerValue={dayjs(`${year}-01-01`)} /></Form.Item>
          <Form.Item name="kind" label="类型" rules={[{ required: true }]}><Radio.Group options={[{ value: 'holiday', label: '放假' }, { value: 'workday', label: '调休上班' }]} /></Form.Item>
          <Form.Item name="name" label="名称" rules={[{ required: true, message: '请输入节日名称，如 元旦' }]}><Input maxLength={100} placeholder="如 元旦、春节" /></Form.Item>
        </Form>
      </Modal>
      <Modal open={openYear} title={`新建${year}年度节假日安排`} okText="新建" cancelText="取消" confirmLoading={open.isPending} onCancel={() => setOpenYear(false)} onOk={async () => open.mutate(await yearForm.validateFields())}>
        <Form form={yearForm} layout="vertical">
          <Form.Item name="source" label="依据（国务院办公厅通知文号）" rules={[{ required: true, message: '请填写依据' }]}><Input maxLength={200} placeholder={`国务院办公厅关于${year}年部分节假日安排的通知`} /></Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}

function Month({ year, month, overrides, onRemove, editable }: { year: number; month: number; overrides: Map<string, { kind: string; name: string }>; onRemove: (d: string) => void; editable: boolean }) {
  const first = dayjs(new Date(year, month, 1));
  const lead = (first.day() + 6) % 7;
  const days = first.daysInMonth();
  const cells = [...Array(lead).fill(null), ...Array.from({ length: days }, (_, i) => first.add(i, 'day'))];
  return (
    <ProCard size="small" bordered title={`${month + 1}月`}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2, fontSize: 12, textAlign: 'center' }}>
        {WEEK.map((w) => <div key={w} style={{ color: '#999' }}>{w}</div>)}
        {cells.map((d, i) => {
          if (!d) return <div key={`e${i}`} />;
          const iso = d.format('YYYY-MM-DD');
          const o = overrides.get(iso);
          const weekend = d.day() === 0 || d.day() === 6;
          const rest = o ? o.kind === 'holiday' : weekend;
          const bg = o ? (o.kind === 'holiday' ? '#ffccc7' : '#d6e4ff') : rest ? '#f5f5f5' : undefined;
          const cell = (
            <div data-date={iso} style={{ background: bg, borderRadius: 3, padding: '2px 0', cursor: o && editable ? 'pointer' : 'default' }}>
              {d.date()}<div style={{ fontSize: 10, color: rest ? '#cf1322' : '#1d39c4' }}>{o ? `${o.kind === 'holiday' ? '休' : '班'}` : rest ? '休' : ''}</div>
            </div>
          );
          return o ? (
            <Tooltip key={iso} title={`${o.name}（${o.kind === 'holiday' ? '放假' : '调休上班'}）`}>
              {editable ? <Popconfirm title={`删除${iso}的${o.name}设置？`} onConfirm={() => onRemove(iso)}>{cell}</Popconfirm> : cell}
            </Tooltip>
          ) : <div key={iso}>{cell}</div>;
        })}
      </div>
      <div style={{ marginTop: 4, fontSize: 12, color: '#666' }}>
        {[...overrides.entries()].filter(([k]) => k.startsWith(`${year}-${String(month + 1).padStart(2, '0')}`)).map(([k, o]) => `${k.slice(5)} ${o.name}${o.kind === 'workday' ? '（调休上班）' : ''}`).join('；')}
      </div>
    </ProCard>
  );
}

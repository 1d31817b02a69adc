/** 述法 (drafted from each official's records, rated) and 法治建设 meetings: the material of the report's part 三. */
import { useState } from 'react';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, DatePicker, Form, Input, Modal, Select, Space, Table, Tabs, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { hasPermission, useMe } from '../../../core/web/auth';
import { MEETING_KINDS, SHUFA_RATINGS } from '../shared/law-study.labels';
import { useMeetings, useOfficials, useRateShufa, useRecordMeeting, useRecordShufa, useShufa, useShufaDraft } from './law-study.hooks';
import { siteYear } from '../../../core/web/time';


function ShufaDialog({ open, year, onClose }: { open: boolean; year: number; onClose: () => void }) {
  const [form] = Form.useForm();
  const officials = useOfficials();
  const draft = useShufaDraft();
  const save = useRecordShufa({ done: onClose });
  return (
    <Modal open={open} title="登记述法" okText="保存" cancelText="取消" width={680} destroyOnHidden onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} afterOpenChange={() => save.reset()}>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ form: 'written' }} onFinish={(v) => save.mutate({ ...v, year, reportedOn: (v.reportedOn as Dayjs).format('YYYY-MM-DD') })}>
        <Space align="end">
          <Form.Item name="officialId" label="述法人" rules={[{ required: true, message: '请选择述法人' }]}>
            <Select showSearch optionFilterProp="label" style={{ width: 320 }} options={(officials.data ?? []).map((o) => ({ value: o.id, label: `${o.name}（${o.orgName}${o.post ? ` ${o.post}` : ''}）` }))} />
          </Form.Item>
          <Form.Item><Button loading={draft.isPending} onClick={async () => { const id = form.getFieldValue('officialId'); if (id) form.setFieldValue('content', (await draft.mutateAsync({ id, year })).text); }}>按本人记录生成草稿</Button></Form.Item>
        </Space>
        <Space>
          <Form.Item name="form" label="述法形式"><Select style={{ width: 140 }} options={[{ value: 'written', label: '书面述法' }, { value: 'onsite', label: '现场述法' }]} /></Form.Item>
          <Form.Item name="reportedOn" label="述法日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item>
        </Space>
        <Form.Item name="content" label="述法报告" rules={[{ required: true, message: '请填写述法报告' }]}><Input.TextArea rows={12} maxLength={8000} /></Form.Item>
        {save.error ? <Alert type="error" showIcon message={save.error.message} /> : null}
      </Form>
    </Modal>
  );
}

function MeetingDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const save = useRecordMeeting({ done: onClose });
  return (
    <Modal open={open} title="登记法治建设会议或第一责任人履职" okText="保存" cancelText="取消" destroyOnHidden onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} afterOpenChange={() => save.reset()}>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ kind: 'govExecutive' }} onFinish={(v) => save.mutate({ ...v, heldOn: (v.heldOn as Dayjs).format('YYYY-MM-DD') })}>
        <Form.Item name="kind" label="类型"><Select options={Object.entries(MEETING_KINDS).map(([value, label]) => ({ value, label }))} /></Form.Item>
        <Form.Item name="title" label="会议名称或事项" rules={[{ required: true, message: '请填写' }]}><Input maxLength={200} /></Form.Item>
        <Form.Item name="heldOn" label="日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item>
        <Form.Item name="chair" label="主持人或责任人"><Input maxLength={60} /></Form.Item>
        <Form.Item name="topics" label="研究的法治建设议题" rules={[{ required: true, message: '请填写议题' }]}><Input.TextArea rows={3} maxLength={1000} /></Form.Item>
        <Form.Item name="decisions" label="作出的决定或部署"><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
        {save.error ? <Alert type="error" showIcon message={save.error.message} /> : null}
      </Form>
    </Modal>
  );
}

export function ShufaPage() {
  const me = useMe();
  const [year, setYear] = useState(siteYear);
  const year0 = siteYear();
  const [dialog, setDialog] = useState<'shufa' | 'meeting' | null>(null);
  const [rating, setRating] = useState<{ id: string; name: string } | null>(null);
  const [ratingForm] = Form.useForm();
  const shufa = useShufa(year);
  const meetings = useMeetings(year);
  const rate = useRateShufa({ done: () => setRating(null) });
  const manage = hasPermission(me, 'lawStudy.manage');
  return (
    <PageContainer title="述法和法治建设会议" extra={<Space>
      <Select value={year} onChange={setYear} style={{ width: 110 }} options={[0, 1, 2].map((k) => year0 - k).map((y) => ({ value: y, label: `${y}年` }))} />
      {manage ? <Button onClick={() => setDialog('meeting')}>登记会议</Button> : null}
      {manage ? <Button type="primary" onClick={() => setDialog('shufa')}>登记述法</Button> : null}
    </Space>}>
      <Tabs items={[
        {
          key: 'shufa', label: `述法（${shufa.data?.length ?? 0}人）`, children: (
            <Table rowKey="id" loading={shufa.isLoading} dataSource={shufa.data ?? []} pagination={{ pageSize: 20 }}
              expandable={{ expandedRowRender: (s) => <div style={{ whiteSpace: 'pre-wrap' }}>{s.content}{s.comments ? `\n点评：${s.comments}` : ''}</div> }}
              columns={[
                { title: '述法人', dataIndex: 'officialName' }, { title: '职务', dataIndex: 'post' }, { title: '单位', dataIndex: 'orgName' },
                { title: '形式', dataIndex: 'formName' }, { title: '日期', dataIndex: 'reportedOn' },
                { title: '评议', dataIndex: 'rating', render: (r: string | null) => (r ? <Tag color={r === '好' ? 'green' : r === '差' ? 'red' : 'blue'}>{r}</Tag> : '未评议') },
                ...(manage ? [{ title: '操作', render: (_: unknown, s: { id: string; officialName: string }) => <a onClick={() => setRating({ id: s.id, name: s.officialName })}>点评评议</a> }] : []),
              ]} />
          ),
        },
        {
          key: 'meetings', label: `法治建设会议（${meetings.data?.length ?? 0}）`, children: (
            <Table rowKey="id" loading={meetings.isLoading} dataSource={meetings.data ?? []} pagination={false} columns={[
              { title: '日期', dataIndex: 'heldOn', width: 110 }, { title: '类型', dataIndex: 'kindName', width: 180 }, { title: '会议名称或事项', dataIndex: 'title' },
              { title: '议题', dataIndex: 'topics' }, { title: '决定或部署', dataIndex: 'decisions' }, { title: '主持人或责任人', dataIndex: 'chair', width: 130 },
            ]} />
          ),
        },
      ]} />
      <ShufaDialog open={dialog === 'shufa'} year={year} onClose={() => setDialog(null)} />
      <MeetingDialog open={dialog === 'meeting'} onClose={() => setDialog(null)} />
      <Modal open={!!rating} title={`述法点评：${rating?.name ?? ''}`} okText="保存" cancelText="取消" destroyOnHidden onCancel={() => setRating(null)} onOk={() => ratingForm.submit()} confirmLoading={rate.isPending}>
        <Form form={ratingForm} layout="vertical" preserve={false} onFinish={(v) => rate.mutate({ id: rating!.id, body: v })}>
          <Form.Item name="rating" label="评议等次" rules={[{ required: true, message: '请选择等次' }]}><Select options={SHUFA_RATINGS.map((r) => ({ value: r, label: r }))} /></Form.Item>
          <Form.Item name="comments" label="点评意见"><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
          {rate.error ? <Alert type="error" showIcon message={rate.error.message} /> : null}
        </Form>
      </Modal>
    </PageContainer>
  );
}

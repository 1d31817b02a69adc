/** 学法活动: the year's sessions and 旁听庭审, the quarterly 常务会议学法 check, and the form to record one. */
import { useState } from 'react';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { ApiError } from '../../../core/web/api';
import { hasPermission, useMe } from '../../../core/web/auth';
import { SESSION_KINDS } from '../shared/law-study.labels';
import { materialUrl, useAttachMaterial, useDeleteMaterial, useMaterials, useOfficials, useQuarterlyCheck, useRecordSession, useSessions, useSyncOfficials } from './law-study.hooks';
import { siteYear } from '../../../core/web/time';

const years = () => [0, 1, 2].map((k) => siteYear() - k).map((y) => ({ value: y, label: `${y}年` }));

function SessionDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form);
  const officials = useOfficials();
  const save = useRecordSession({
    done: onClose,
    failed: (e) => { if (e instanceof ApiError && e.fields.length) form.setFields(e.fields.map((f) => ({ name: f.path, errors: [f.message] }))); },
  });
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const o of officials.data ?? []) groups.set(o.orgName, [...(groups.get(o.orgName) ?? []), { value: o.id, label: `${o.name}${o.post ? `（${o.post}）` : ''}` }]);
  return (
    <Modal open={open} title="登记学法活动" okText="保存" cancelText="取消" width={640} destroyOnHidden onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} afterOpenChange={() => save.reset()}>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ kind: 'lecture', minutes: 90, otherAttendees: 0 }}
        onFinish={(v) => save.mutate({ ...v, heldOn: (v.heldOn as Dayjs).format('YYYY-MM-DD'), officialIds: v.officialIds ?? [] })}>
        <Form.Item name="kind" label="学习形式" rules={[{ required: true }]}><Select options={Object.entries(SESSION_KINDS).map(([value, label]) => ({ value, label }))} /></Form.Item>
        <Form.Item name="topic" label="学习主题" rules={[{ required: true, message: '请填写学习主题' }]}><Input maxLength={200} /></Form.Item>
        <Form.Item name="laws" label="学习的法律法规" rules={[{ required: true, message: '请填写学习的法律法规' }]}><Input maxLength={500} /></Form.Item>
        {kind === 'courtVisit' ? <Space>
          <Form.Item name="court" label="旁听法院" rules={[{ required: true, message: '请填写法院' }]}><Input maxLength={100} style={{ width: 280 }} /></Form.Item>
          <Form.Item name="courtCaseNo" label="旁听案件案号" rules={[{ required: true, message: '请填写案号' }]}><Input maxLength={60} style={{ width: 280 }} /></Form.Item>
        </Space> : <Form.Item name="speakers" label="主讲人"><Input maxLength={200} /></Form.Item>}
        <Space>
          <Form.Item name="heldOn" label="日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item>
          <Form.Item name="minutes" label="时长（分钟）" rules={[{ required: true }]}><InputNumber min={10} max={600} /></Form.Item>
          <Form.Item name="otherAttendees" label="名册外其他参加人数"><InputNumber min={0} max={10000} /></Form.Item>
        </Space>
        <Form.Item name="officialIds" label="参加人员（干部名册）"><Select mode="multiple" showSearch optionFilterProp="label" loading={officials.isLoading} options={[...groups.entries()].map(([label, options]) => ({ label, options }))} /></Form.Item>
        <Form.Item name="materials" label="学习材料（名称，每行一项）"><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
        {save.error ? <Alert type="error" showIcon message={save.error.message} /> : null}
      </Form>
    </Modal>
  );
}

/** A session's files (课件, 学习材料): opened in the browser; its recorders upload PDF, images or OFD. */
function Materials({ sessionId, canUpload }: { sessionId: string; canUpload: boolean }) {
  const { message } = App.useApp();
  const list = useMaterials(sessionId);
  const attach = useAttachMaterial(sessionId, { done: () => message.success('已上传'), failed: (e) => message.error(e.message) });
  const remove = useDeleteMaterial(sessionId, { done: () => message.success('已删除'), failed: (e) => message.error(e.message) });
  return (
    <Space direction="vertical" style={{ marginTop: 8 }} data-testid={`materials-${sessionId}`}>
      <Space wrap>
        <span>学习材料：</span>
        {(list.data ?? []).length === 0 ? <span>（无）</span> : (list.data ?? []).map((m) => (
          <Space key={m.id} size={4}>
            <a href={materialUrl(sessionId, m.id)} target="_blank" rel="noreferrer">{m.fileName}</a>
            {m.canDelete ? (
              <Popconfirm title={`删除材料“${m.fileName}”？`} description="删除后该文件不再提供查看，操作记入审计日志。" okText="删除" cancelText="取消" onConfirm={() => remove.mutate(m.id)}>
                <Button size="small" type="link" danger loading={remove.isPending && remove.variables === m.id}>删除</Button>
              </Popconfirm>
            ) : null}
          </Space>
        ))}
        {canUpload ? <Upload accept=".pdf,.jpg,.jpeg,.png,.ofd" showUploadList={false} beforeUpload={(f) => { attach.mutate(f); return false; }}><Button size="small" loading={attach.isPending}>上传材料</Button></Upload> : null}
      </Space>
    </Space>
  );
}

export function SessionsPage() {
  const me = useMe();
  const [year, setYear] = useState(siteYear);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState(false);
  const list = useSessions(year, page);
  const check = useQuarterlyCheck(year);
  const sync = useSyncOfficials();
  const missing = (check.data ?? []).filter((q) => q.status === 'missing');
  return (
    <PageContainer title="学法活动" extra={<Space>
      <Select value={year} options={years()} onChange={(y) => { setYear(y); setPage(1); }} style={{ width: 110 }} />
      {hasPermission(me, 'lawStudy.manage') ? <Button onClick={() => sync.mutate()} loading={sync.isPending}>同步干部名册</Button> : null}
      {hasPermission(me, 'lawStudy.record') ? <Button type="primary" onClick={() => setOpen(true)}>登记学法活动</Button> : null}
    </Space>}>
      <Space style={{ marginBottom: 12 }} wrap data-testid="quarterly-check">
        <span>政府常务会议季度学法：</span>
        {(check.data ?? []).map((q) => <Tag key={q.quarter} color={{ held: 'green', missing: 'red', pending: 'orange', future: 'default' }[q.status]}>第{q.quarter}季度 {q.label}</Tag>)}
      </Space>
      {missing.length ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`第${missing.map((q) => q.quarter).join('、')}季度政府常务会议未安排会前学法`} /> : null}
      <Table rowKey="id" loading={list.isLoading} dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: '日期', dataIndex: 'heldOn', width: 110 },
          { title: '形式', dataIndex: 'kindName', width: 180 },
          { title: '主题', dataIndex: 'topic' },
          { title: '学习内容', dataIndex: 'laws' },
          { title: '组织单位', dataIndex: 'orgName' },
          { title: '参加人次', dataIndex: 'personTimes', width: 90 },
          { title: '时长', dataIndex: 'minutes', width: 80, render: (m: number) => `${m}分钟` },
          { title: '旁听法院及案号', render: (_, s) => (s.court ? `${s.court} ${s.courtCaseNo}` : '') },
        ]}
        expandable={{ expandedRowRender: (s) => <div>参加人员：{s.attendeeNames.join('、') || '（名册外人员）'}{s.otherAttendees ? `；名册外${s.otherAttendees}人` : ''}{s.speakers ? `；主讲：${s.speakers}` : ''}{s.materials ? `；材料：${s.materials}` : ''}<Materials sessionId={s.id} canUpload={hasPermission(me, 'lawStudy.record')} /></div> }} />
      <SessionDialog open={open} onClose={() => setOpen(false)} />
    </PageContainer>
  );
}

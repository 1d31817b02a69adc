/** 法律顾问: the firms and lawyers, the agencies each serves, their year's work, and the work records. */
import { useState } from 'react';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Card, DatePicker, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { type Dayjs } from 'dayjs';
import { ApiError } from '../../../core/web/api';
import { useCounselPool, useCounselWork, useSavePoolRecord } from './legal-affairs.hooks';
import { hasPermission, useMe } from '../../../core/web/auth';
import { usePublicSite, withoutDivision } from '../../../core/web/public-site';
import { WORK_KINDS } from '../shared/contract-review.machine';
import { siteYear, siteToday } from '../../../core/web/time';

type Lawyer = { id: string; name: string; licenceNo: string; active: boolean; appointments: { id: string; orgId: string; orgName: string; from: string; to: string }[]; work: Record<keyof typeof WORK_KINDS, number> };
type Pool = { agencies: { id: string; name: string }[]; firms: { id: string; name: string; creditCode: string | null; lawyers: Lawyer[] }[] };
type Work = { id: string; on: string; kindName: string; subject: string; lawyerName: string; firmName: string; orgName: string; refNo: string | null; source: string };
type Dialog = 'firm' | 'lawyer' | 'appointment' | 'work' | null;

const TITLES: Record<Exclude<Dialog, null>, string> = { firm: '登记律师事务所', lawyer: '登记律师', appointment: '登记聘任', work: '录入工作记录' };

function PoolDialog({ open, pool, onClose }: { open: Dialog; pool: Pool | undefined; onClose: () => void }) {
  const [form] = Form.useForm();
  const day = (v: Dayjs | undefined) => v?.format('YYYY-MM-DD');
  const save = useSavePoolRecord({
    done: onClose,
    failed: (e) => { if (e instanceof ApiError && e.fields.length) form.setFields(e.fields.map((f) => ({ name: f.path, errors: [f.message] }))); },
  });
  const lawyers = (pool?.firms ?? []).map((f) => ({ label: f.name, options: f.lawyers.map((l) => ({ value: l.id, label: l.name })) }));
  const agencies = (pool?.agencies ?? []).map((a) => ({ value: a.id, label: a.name }));
  const submit = (v: Record<string, unknown>) => save.mutate({ kind: open!, body: open === 'appointment'
    ? { lawyerId: v.lawyerId, orgId: v.orgId, from: day((v.period as Dayjs[] | undefined)?.[0]), to: day((v.period as Dayjs[] | undefined)?.[1]) }
    : open === 'work' ? { ...v, on: day(v.on as Dayjs) } : { ...v, creditCode: v.creditCode || undefined } });
  return (
    <Modal open={!!open} title={open ? TITLES[open] : ''} okText="保存" cancelText="取消" destroyOnHidden onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} afterOpenChange={() => save.reset()}>
      <Form form={form} layout="vertical" preserve={false} onFinish={submit}>
        {open === 'firm' ? <>
          <Form.Item name="name" label="律师事务所名称" rules={[{ required: true, message: '请填写名称' }]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="creditCode" label="统一社会信用代码"><Input maxLength={18} /></Form.Item>
        </> : null}
        {open === 'lawyer' ? <>
          <Form.Item name="firmId" label="律师事务所" rules={[{ required: true, message: '请选择律师事务所' }]}><Select options={(pool?.firms ?? []).map((f) => ({ value: f.id, label: f.name }))} /></Form.Item>
          <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}><Input maxLength={30} /></Form.Item>
          <Form.Item name="licenceNo" label="执业证号（17位）" rules={[{ required: true, message: '请填写执业证号' }]}><Input maxLength={17} /></Form.Item>
        </> : null}
        {open === 'appointment' || open === 'work' ? <>
          <Form.Item name="lawyerId" label="律师" rules={[{ required: true, message: '请选择律师' }]}><Select showSearch optionFilterProp="label" options={lawyers} /></Form.Item>
          <Form.Item name="orgId" label="服务单位" rules={[{ required: true, message: '请选择服务单位' }]}><Select showSearch optionFilterProp="label" options={agencies} /></Form.Item>
        </> : null}
        {open === 'appointment' ? <Form.Item name="period" label="聘期" rules={[{ required: true, message: '请选择聘期' }]}><DatePicker.RangePicker /></Form.Item> : null}
        {open === 'work' ? <>
          <Form.Item name="kind" label="工作类型" rules={[{ required: true, message: '请选择工作类型' }]}><Select options={Object.entries(WORK_KINDS).map(([value, label]) => ({ value, label }))} /></Form.Item>
          <Form.Item name="on" label="日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item>
          <Form.Item name="subject" label="工作内容" rules={[{ required: true, message: '请填写工作内容' }]}><Input.TextArea rows={3} maxLength={500} /></Form.Item>
        </> : null}
        {save.error ? <Alert type="error" showIcon message={save.error.message} /> : null}
      </Form>
    </Modal>
  );
}

export function CounselPage() {
  const me = useMe();
  const site = usePublicSite();
  const [year, setYear] = useState(siteYear());
  const [dialog, setDialog] = useState<Dialog>(null);
  const [filter, setFilter] = useState<{ kind?: string; lawyerId?: string; page: number }>({ page: 1 });
  const pool = useCounselPool(year);
  const work = useCounselWork({ from: `${year}-01-01`, to: `${year}-12-31`, kind: filter.kind as never, lawyerId: filter.lawyerId, page: filter.page, pageSize: 20 });
  const rows = (pool.data?.firms ?? []).flatMap((f) => f.lawyers.map((l) => ({ ...l, firmName: f.name })));
  const total = (k: keyof typeof WORK_KINDS) => rows.reduce((s, r) => s + r.work[k], 0);
  const manage = hasPermission(me, 'legalCounsel.manage');
  return (
    <PageContainer title="法律顾问" extra={<Space>
      <Select value={year} onChange={setYear} options={[0, 1, 2].map((k) => ({ value: siteYear() - k, label: `${siteYear() - k}年` }))} />
      {manage ? (Object.keys(TITLES) as Exclude<Dialog, null>[]).map((k) => <Button key={k} onClick={() => setDialog(k)}>{TITLES[k]}</Button>) : null}
    </Space>}>
      <Card size="small" title={`律师事务所${pool.data?.firms.length ?? 0}家、律师${rows.length}名；${year}年合法性审查${total('review')}次，出具法律意见${total('opinion')}条，参与复议诉讼案件${total('case')}起，咨询、讲座等${total('consultation')}次`}>
        <Table rowKey="id" size="small" loading={pool.isLoading} dataSource={rows} pagination={false} data-testid="counsel-pool"
          columns={[
            { title: '律师', dataIndex: 'name' },
            { title: '律师事务所', dataIndex: 'firmName' },
            { title: '执业证号', dataIndex: 'licenceNo' },
            { title: '服务单位（聘期）', key: 'orgs', render: (_: unknown, r: Lawyer) => r.appointments.map((a) => <Tag key={a.id} title={`${a.from}至${a.to}`} color={a.to < siteToday() ? 'default' : 'blue'}>{withoutDivision(a.orgName, site)}</Tag>) },
            ...(Object.keys(WORK_KINDS) as (keyof typeof WORK_KINDS)[]).map((k) => ({ title: { review: '合法性审查', opinion: '法律意见', case: '复议诉讼', consultation: '咨询讲座' }[k], key: k, render: (_: unknown, r: Lawyer) => r.work[k] })),
          ]} />
      </Card>
      <Card size="small" title="工作记录" style={{ marginTop: 16 }} extra={<Space>
        <Select allowClear placeholder="工作类型" style={{ width: 200 }} value={filter.kind} onChange={(kind) => setFilter({ ...filter, kind, page: 1 })} options={Object.entries(WORK_KINDS).map(([value, label]) => ({ value, label }))} />
        <Select allowClear showSearch optionFilterProp="label" placeholder="律师" style={{ width: 140 }} value={filter.lawyerId} onChange={(lawyerId) => setFilter({ ...filter, lawyerId, page: 1 })} options={rows.map((r) => ({ value: r.id, label: r.name }))} />
      </Space>}>
        <Table rowKey="id" size="small" loading={work.isLoading} dataSource={work.data?.items ?? []} data-testid="counsel-work"
          pagination={{ current: filter.page, pageSize: 20, total: work.data?.total ?? 0, onChange: (page) => setFilter({ ...filter, page }), showTotal: (n) => `共${n}条` }}
          columns={[
            { title: '日期', dataIndex: 'on', width: 110 }, { title: '类型', dataIndex: 'kindName' }, { title: '律师', dataIndex: 'lawyerName' }, { title: '服务单位', dataIndex: 'orgName', render: (n: string) => withoutDivision(n, site) },
            { title: '工作内容', dataIndex: 'subject' }, { title: '来源', dataIndex: 'source', render: (s: string, r: Work) => (r.refNo ? <Typography.Text>{s}（{r.refNo}）</Typography.Text> : s) },
          ]} />
      </Card>
      <PoolDialog open={dialog} pool={pool.data} onClose={() => setDialog(null)} />
    </PageContainer>
  );
}

/** Staff: publish proactive items (the 20-working-day window shown), and the annual statistical tables. */
import { useState } from 'react';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Select, Table, Tag, message } from 'antd';
import dayjs from 'dayjs';
import { qs } from '../../../core/web/api';
import { useDisclosureAnnual, usePublishItem, usePublishedItems } from './disclosure.hooks';
import { PROACTIVE_CATEGORIES } from '../shared/disclosure.machine';
import { siteYear } from '../../../core/web/time';


export function DisclosureItemsPage() {
  const [form] = Form.useForm();
  const [last, setLast] = useState<{ dueOn: string | null; late: boolean }>();
  const list = usePublishedItems({ page: 1, pageSize: 20 });
  const publish = usePublishItem((r) => { setLast(r); form.resetFields(); void message.success('已发布'); });
  return (
    <PageContainer title="主动公开">
      <Card title="发布政府信息" style={{ marginBottom: 16 }}>
        <Form form={form} layout="vertical" onFinish={(v) => publish.mutate({ ...v, formedOn: dayjs(v.formedOn as dayjs.Dayjs).format('YYYY-MM-DD') })}>
          <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]}><Input maxLength={120} /></Form.Item>
          <Form.Item name="category" label="公开类别" rules={[{ required: true, message: '请选择类别' }]}><Select options={PROACTIVE_CATEGORIES.map((c) => ({ value: c, label: c }))} /></Form.Item>
          <Form.Item name="docNo" label="文号"><Input maxLength={60} /></Form.Item>
          <Form.Item name="formedOn" label="信息形成（变更）日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item>
          <Form.Item name="body" label="正文" rules={[{ required: true, message: '请填写正文' }]}><Input.TextArea rows={5} /></Form.Item>
          {publish.error ? <Alert type="error" message={publish.error.message} style={{ marginBottom: 8 }} /> : null}
          {last ? <Alert type={last.late ? 'warning' : 'success'} style={{ marginBottom: 8 }} message={last.late ? `已发布，但超过信息形成之日起20个工作日（应于${last.dueOn}前公开，政府信息公开条例 第26条）` : `已在期限内发布（期限${last.dueOn ?? '—'}）`} /> : null}
          <Button type="primary" htmlType="submit" loading={publish.isPending}>发布</Button>
        </Form>
      </Card>
      <Card title={`最近发布（共${list.data?.total ?? 0}条）`}>
        <Table rowKey="id" size="small" pagination={false} dataSource={list.data?.items ?? []} columns={[
          { title: '标题', dataIndex: 'title' }, { title: '类别', dataIndex: 'category' }, { title: '机关', dataIndex: 'orgName' },
          { title: '形成日期', dataIndex: 'formedOn' }, { title: '发布日期', dataIndex: 'publishedOn' },
          { title: '及时性', dataIndex: 'late', render: (late: boolean) => (late ? <Tag color="warning">超期公开</Tag> : <Tag color="success">按时</Tag>) },
        ]} />
      </Card>
    </PageContainer>
  );
}

export function DisclosureAnnualPage() {
  const [year, setYear] = useState(siteYear());
  const t = useDisclosureAnnual(year);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const rows = t.data ? [
    { key: 'received', group: '一、本年新收政府信息公开申请数量', label: '', counts: t.data.received },
    ...t.data.rows.map((r) => ({ ...r, group: `三、本年度办理结果：${r.group}` })),
    { key: 'carried', group: '四、结转下年度继续办理', label: '', counts: t.data.carriedOver },
  ] : [];
  return (
    <PageContainer title="政府信息公开工作年度报告统计表" extra={[
      <InputNumber key="y" min={2019} max={2100} value={year} onChange={(v) => v && setYear(v)} />,
      <Button key="x" href={`/api/disclosure/annual.xlsx?${qs({ year })}`}>导出Excel</Button>,
    ]}>
      {t.error ? <Alert type="error" message={t.error.message} /> : null}
      {t.data ? (
        <>
          <Card title="二、主动公开政府信息情况" style={{ marginBottom: 16 }}>
            本年主动公开政府信息{t.data.proactive.published}条，其中在形成之日起20个工作日内公开{t.data.proactive.onTime}条。
          </Card>
          <Card title="三、收到和处理政府信息公开申请情况">
            <Table rowKey="key" size="small" pagination={false} dataSource={rows} data-testid="disclosure-table" columns={[
              { title: '项目', dataIndex: 'group' }, { title: '情形', dataIndex: 'label' },
              ...t.data.columns.map((c, i) => ({ title: c, key: c, render: (_: unknown, r: { counts: number[] }) => r.counts[i] })),
              { title: '总计', key: 'total', render: (_: unknown, r: { counts: number[] }) => sum(r.counts) },
            ]} />
          </Card>
        </>
      ) : null}
    </PageContainer>
  );
}

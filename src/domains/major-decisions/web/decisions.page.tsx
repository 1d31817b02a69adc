/** The year's decision catalog for the government office, and its public version. */
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Select, Switch, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useAddDecision, useDecisionCatalog, useDraftingOrgs } from './major-decisions.hooks';
import { usePublicSite } from '../../../core/web/public-site';
import { siteYear } from '../../../core/web/time';

function CatalogTable({ year, onOpen }: { year: number; onOpen?: (id: string) => void }) {
  const list = useDecisionCatalog(year);
  return (
    <Table rowKey="id" size="small" pagination={false} dataSource={list.data ?? []} data-testid="decision-catalog"
      onRow={(r) => (onOpen ? { onClick: () => onOpen(r.id), style: { cursor: 'pointer' } } : {})}
      columns={[
        { title: '决策事项', dataIndex: 'title' }, { title: '承办单位', dataIndex: 'draftingOrg' },
        { title: '法定程序', dataIndex: 'steps', render: (s: string[]) => s.map((x) => <Tag key={x}>{x}</Tag>) },
        { title: '进展', dataIndex: 'stateName' }, { title: '决定日期', dataIndex: 'decidedOn' }, { title: '公布日期', dataIndex: 'publishedOn' },
      ]} />
  );
}

export function DecisionCatalogPage() {
  const navigate = useNavigate();
  const [year, setYear] = useState(siteYear());
  const orgs = useDraftingOrgs();
  const [form] = Form.useForm();
  const add = useAddDecision((r) => navigate(`/cases/${r.id}`));
  return (
    <PageContainer title="重大行政决策目录" extra={<InputNumber min={2019} max={2100} value={year} onChange={(v) => v && setYear(v)} />}>
      <Card title={`${year}年度目录`} style={{ marginBottom: 16 }}><CatalogTable year={year} onOpen={(id) => navigate(`/cases/${id}`)} /></Card>
      <Card title="列入目录">
        <Form form={form} layout="vertical" onFinish={(v) => add.mutate({ ...v, year, partyApprovedOn: dayjs(v.partyApprovedOn as dayjs.Dayjs).format('YYYY-MM-DD') })} initialValues={{ needsExpert: false, needsRisk: false, participationExempt: false }}>
          <Form.Item name="title" label="决策事项" rules={[{ required: true, message: '请填写决策事项' }]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="draftingOrgId" label="承办单位" rules={[{ required: true, message: '请选择承办单位' }]}><Select showSearch optionFilterProp="label" options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))} /></Form.Item>
          <Form.Item name="partyApprovedOn" label="目录经同级党委同意日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item>
          <Form.Item name="needsExpert" label="专业性、技术性较强，需专家论证" valuePropName="checked"><Switch /></Form.Item>
          <Form.Item name="needsRisk" label="可能影响社会稳定、公共安全，需风险评估" valuePropName="checked"><Switch /></Form.Item>
          <Form.Item name="participationExempt" label="依法不予公开，不进行公众参与" valuePropName="checked"><Switch /></Form.Item>
          {add.error ? <Alert type="error" message={add.error.message} style={{ marginBottom: 8 }} /> : null}
          <Button type="primary" htmlType="submit" loading={add.isPending}>列入目录</Button>
        </Form>
      </Card>
    </PageContainer>
  );
}

export function PublicDecisionCatalogPage() {
  const year = siteYear();
  const site = usePublicSite();
  return (
    <div style={{ maxWidth: 960, margin: '0 auto', padding: 12 }}>
      <Typography.Title level={4}>{site?.divisionName ?? ''}{year}年度重大行政决策事项目录</Typography.Title>
      <Typography.Paragraph type="secondary">目录经区委同意后公布（重大行政决策程序暂行条例 第3条）。</Typography.Paragraph>
      <CatalogTable year={year} />
    </div>
  );
}

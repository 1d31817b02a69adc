import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { PageContainer, ProTable } from '@ant-design/pro-components';
import { App, Button, Form, InputNumber, Modal, Radio, Select } from 'antd';
import { useAnnualReports, useCreateReport, type ReportRow } from './annual-report.hooks';
import { hasPermission, useMe } from '../../../core/web/auth';
import { StatusTag } from '../../../core/web/status';
import { fmtTime, siteYear } from '../../../core/web/time';

const COLORS: Record<string, string> = { draft: 'default', internalReview: 'processing', leaderApproval: 'processing', confidentialityReview: 'warning', published: 'success' };

export function AnnualReportListPage() {
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const q = useAnnualReports();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const create = useCreateReport({ done: (r) => navigate(`/annual-reports/${r.id}`), failed: (e) => message.error(e.message) });
  const draft = (v: { year: number; subjectKind: 'division' | 'org'; template: 'standard' | 'leadershipFirst' }) =>
    create.mutate(v.subjectKind === 'division' ? { ...v, divisionCode: me.divisionCode ?? undefined } : { ...v, orgId: me.roles.find((r) => r.orgId)?.orgId ?? undefined });
  return (
    <PageContainer title="法治政府建设年度报告" subTitle="数据段落由系统记录自动生成，每个数字可追溯到记录；每年4月1日前公开（厅字〔2019〕28号 第24条）">
      <ProTable<ReportRow> rowKey="id" loading={q.isLoading} dataSource={q.data} search={false} options={false} pagination={false}
        toolBarRender={() => (hasPermission(me, 'annualReport.create') ? [<Button key="new" type="primary" onClick={() => { form.setFieldsValue({ year: siteYear(), subjectKind: 'division', template: 'standard' }); setOpen(true); }}>起草年度报告</Button>] : [])}
        onRow={(r) => ({ onClick: () => navigate(`/annual-reports/${r.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: '年度', dataIndex: 'year', width: 80 },
          { title: '报告', dataIndex: 'title' },
          { title: '状态', dataIndex: 'stateName', render: (_, r) => <StatusTag name={r.stateName} color={COLORS[r.state]} /> },
          { title: '版本', dataIndex: 'contentVersion', render: (_, r) => `第${r.contentVersion}版` },
          { title: '更新时间', dataIndex: 'updatedAt', render: (_, r) => fmtTime(r.updatedAt) },
        ]} />
      <Modal open={open} title="起草年度报告" okText="生成初稿" cancelText="取消" confirmLoading={create.isPending} onCancel={() => setOpen(false)} onOk={async () => draft(await form.validateFields())}>
        <Form form={form} layout="vertical">
          <Form.Item name="year" label="报告年度" rules={[{ required: true }]}><InputNumber min={2019} max={2100} /></Form.Item>
          <Form.Item name="subjectKind" label="报告主体"><Radio.Group options={[{ value: 'division', label: '本级人民政府' }, { value: 'org', label: '本单位' }]} /></Form.Item>
          <Form.Item name="template" label="模板"><Select options={[{ value: 'standard', label: '标准顺序（主要举措和成效在前）' }, { value: 'leadershipFirst', label: '第一责任人履职情况在前' }]} /></Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}

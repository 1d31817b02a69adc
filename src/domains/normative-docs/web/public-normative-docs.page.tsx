/** 现行有效规范性文件目录 and the clean-up lists, as published (documents not on the list are no basis). */
import { Link } from 'react-router-dom';
import { Table, Tabs, Tag, Typography } from 'antd';
import { usePublicConsultations, usePublicNormativeDocs } from './normative-docs.hooks';
import { usePublicSite } from '../../../core/web/public-site';

type Consultation = { id: string; title: string; orgName: string; from: string; to: string; open: boolean; comments: number; adoptionPublishedOn: string | null };

export function PublicNormativeDocsPage() {
  const q = usePublicNormativeDocs();
  const site = usePublicSite();
  const c = usePublicConsultations();
  const cols = [{ title: '文件名称', dataIndex: 'title' }, { title: '文号', dataIndex: 'docNo' }, { title: '制定机关', dataIndex: 'orgName' }, { title: '公布日期', dataIndex: 'publishedOn' }];
  return (
    <div style={{ maxWidth: 1000, margin: '0 auto', padding: 12 }}>
      <Typography.Title level={4}>{site?.divisionName ?? ''}行政规范性文件</Typography.Title>
      <Tabs items={[
        { key: 'in', label: `现行有效（${q.data?.inForce.length ?? 0}件）`, children: <Table rowKey="id" size="small" dataSource={q.data?.inForce ?? []} columns={[...cols, { title: '有效期至', dataIndex: 'validUntil' }]} /> },
        { key: 'ended', label: '已废止、失效或剔除', children: <Table rowKey="id" size="small" dataSource={q.data?.ended ?? []} columns={[...cols, { title: '状态', dataIndex: 'stateName' }]} /> },
        { key: 'comment', label: '公开征求意见', children: <Table rowKey="id" size="small" dataSource={c.data ?? []} data-testid="consultations" columns={[
          { title: '征求意见稿', dataIndex: 'title', render: (t: string, r: Consultation) => <Link to={`/public/normative-docs/drafts/${r.id}`}>{t}</Link> },
          { title: '起草单位', dataIndex: 'orgName' }, { title: '征求意见期限', key: 'period', render: (_: unknown, r: Consultation) => `${r.from}至${r.to}` },
          { title: '状态', key: 'state', render: (_: unknown, r: Consultation) => (r.open ? <Tag color="processing">正在征求意见</Tag> : r.adoptionPublishedOn ? <Tag color="success">已公布采纳情况</Tag> : <Tag>已截止</Tag>) },
          { title: '收到意见', dataIndex: 'comments', render: (n: number) => `${n}条` },
        ]} /> },
        { key: 'evaluation', label: '后评估', children: <Table rowKey={(r) => `${r.title}${r.completedOn}`} size="small" dataSource={q.data?.evaluations ?? []} columns={[
          { title: '文件名称', dataIndex: 'title' }, { title: '文号', dataIndex: 'docNo' }, { title: '评估主体', dataIndex: 'evaluators' }, { title: '评估发现', dataIndex: 'findings' },
          { title: '结论', dataIndex: 'conclusion' }, { title: '完成日期', dataIndex: 'completedOn' },
        ]} /> },
        ...(q.data?.cleanups ?? []).map((c) => ({ key: c.campaign, label: c.campaign, children: <Table rowKey={(r) => `${r.title}${r.docNo}`} size="small" dataSource={c.items} columns={[{ title: '文件名称', dataIndex: 'title' }, { title: '文号', dataIndex: 'docNo' }, { title: '清理结果', dataIndex: 'outcome' }, { title: '理由', dataIndex: 'reason' }]} /> })),
      ]} />
    </div>
  );
}

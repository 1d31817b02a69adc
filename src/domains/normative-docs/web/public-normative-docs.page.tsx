/** 现行有效规范性文件目录 and the clean-up lists, as published (documents not on the list are no basis). */
import { Table, Tabs, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { get } from '../../../core/web/api';

type Entry = { id: string; title: string; docNo: string | null; orgName: string; publishedOn: string | null; validUntil: string | null; stateName?: string };
type Lists = { inForce: Entry[]; ended: Entry[]; cleanups: { campaign: string; items: { title: string; docNo: string | null; outcome: string; reason: string | null }[] }[] };

export function PublicNormativeDocsPage() {
  const q = useQuery({ queryKey: ['public-normative'], queryFn: () => get<Lists>('/api/public/normative-docs') });
  const cols = [{ title: '文件名称', dataIndex: 'title' }, { title: '文号', dataIndex: 'docNo' }, { title: '制定机关', dataIndex: 'orgName' }, { title: '公布日期', dataIndex: 'publishedOn' }];
  return (
    <div style={{ maxWidth: 1000, margin: '0 auto', padding: 12 }}>
      <Typography.Title level={4}>湖滨区行政规范性文件</Typography.Title>
      <Tabs items={[
        { key: 'in', label: `现行有效（${q.data?.inForce.length ?? 0}件）`, children: <Table rowKey="id" size="small" dataSource={q.data?.inForce ?? []} columns={[...cols, { title: '有效期至', dataIndex: 'validUntil' }]} /> },
        { key: 'ended', label: '已废止、失效或剔除', children: <Table rowKey="id" size="small" dataSource={q.data?.ended ?? []} columns={[...cols, { title: '状态', dataIndex: 'stateName' }]} /> },
        ...(q.data?.cleanups ?? []).map((c) => ({ key: c.campaign, label: c.campaign, children: <Table rowKey={(r) => `${r.title}${r.docNo}`} size="small" dataSource={c.items} columns={[{ title: '文件名称', dataIndex: 'title' }, { title: '文号', dataIndex: 'docNo' }, { title: '清理结果', dataIndex: 'outcome' }, { title: '理由', dataIndex: 'reason' }]} /> })),
      ]} />
    </div>
  );
}

/**
 * 事项目录 for staff: the catalog's completeness at a glance (and what is most often missing), every
 * item with its status and score, and the 实施清单 台账 export/import.
 */
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { PageContainer, ProCard, ProTable, StatisticCard, type ActionType } from '@ant-design/pro-components';
import { App, Button, Modal, Progress, Space, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { invalidate } from '../../../core/web/api';
import { hasPermission, useMe } from '../../../core/web/auth';
import { StatusTag } from '../../../core/web/status';
import { fmtTime } from '../../../core/web/time';
import type { ItemSummary } from '../shared/catalog.schema';
import { ITEM_TYPES } from '../shared/catalog.labels';
import { percent } from '../shared/catalog.completeness';
import { importWorkbook, listItems, useSummary, type ImportRowError } from './catalog.hooks';
import { ZeroVisitTag } from './guide-view';

const STATUS_COLOR = { published: 'success', draft: 'default', withdrawn: 'error' } as const;

export function CatalogListPage() {
  const me = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const table = useRef<ActionType>(null);
  const summary = useSummary();
  const [importErrors, setImportErrors] = useState<{ message: string; rows: ImportRowError[] } | null>(null);
  const [importing, setImporting] = useState(false);
  const canManage = hasPermission(me, 'catalog.manage');
  const s = summary.data;

  const upload = async (file: File) => {
    setImporting(true);
    try {
      const r = await importWorkbook(file);
      message.success(`导入完成：新增${r.created}项，更新${r.updated}项，未变化${r.unchanged}项（均为草稿，发布前请核对）`);
      table.current?.reload();
      void invalidate(qc, '/api/catalog/summary');
    } catch (e) {
      const rows = (e as { rows?: ImportRowError[] }).rows;
      if (rows?.length) setImportErrors({ message: (e as Error).message, rows });
      else message.error((e as Error).message);
    } finally {
      setImporting(false);
    }
    return false;
  };

  return (
    <PageContainer title="事项目录" subTitle="政务服务事项实施清单与办事指南；要素完整度达到100%方可发布">
      <StatisticCard.Group direction="row" loading={summary.isLoading} style={{ marginBottom: 12 }}>
        <StatisticCard statistic={{ title: '目录事项', value: s?.items ?? 0, suffix: '项' }} />
        <StatisticCard statistic={{ title: '已发布', value: s?.published ?? 0, suffix: '项' }} />
        <StatisticCard statistic={{ title: '草拟中', value: s?.drafts ?? 0, suffix: '项' }} />
        <StatisticCard statistic={{ title: '要素完整度达标率', value: s?.share === null || s?.share === undefined ? '—' : percent(s.share), description: `${s?.complete ?? 0}/${s?.items ?? 0}项达到100%` }} />
        <StatisticCard statistic={{ title: '平均要素完整度', value: s?.averageScore === null || s?.averageScore === undefined ? '—' : percent(s.averageScore) }} />
      </StatisticCard.Group>
      {s?.topMissing.length ? (
        <ProCard title="最常缺失的要素（未发布事项）" collapsible defaultCollapsed style={{ marginBottom: 12 }} size="small">
          <Space wrap>{s.topMissing.map((m) => <Tag key={m.label} color="orange">{m.label}　{m.items}项</Tag>)}</Space>
        </ProCard>
      ) : null}
      <ProTable<ItemSummary>
        actionRef={table}
        rowKey="id"
        request={async (p) => {
          const r = await listItems({ page: p.current, pageSize: p.pageSize, q: p.q, type: p.type, status: p.status, orgId: p.orgId, complete: p.complete });
          return { data: r.items, total: r.total, success: true };
        }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        scroll={{ x: 1320 }}
        search={{ labelWidth: 'auto', defaultCollapsed: false }}
        options={{ density: false, setting: false }}
        onRow={(r) => ({ onClick: () => navigate(`/catalog/items/${r.id}`), style: { cursor: 'pointer' } })}
        toolBarRender={() => [
          canManage ? <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => navigate('/catalog/new')}>新增事项</Button> : null,
          <Button key="export" icon={<DownloadOutlined />} href="/api/catalog/export.xlsx">导出台账</Button>,
          canManage ? (
            <Upload key="import" accept=".xlsx" showUploadList={false} beforeUpload={(f) => upload(f)}>
              <Button icon={<UploadOutlined />} loading={importing}>导入台账</Button>
            </Upload>
          ) : null,
        ]}
        columns={[
          { title: '关键词', dataIndex: 'q', hideInTable: true, fieldProps: { placeholder: '事项名称、编码或“新生儿”等' } },
          { title: '实施编码', dataIndex: 'code', width: 140, search: false },
          { title: '事项名称', dataIndex: 'name', width: 260, search: false, render: (_, r) => <Space direction="vertical" size={0}><Typography.Link>{r.name}</Typography.Link>{r.hasDraft && r.publishedVersionNo ? <Tag color="processing">修订中</Tag> : null}</Space> },
          { title: '事项类型', dataIndex: 'type', width: 110, valueType: 'select', fieldProps: { options: ITEM_TYPES.map((t) => ({ value: t, label: t })) } },
          { title: '实施主体', dataIndex: 'orgId', width: 200, valueType: 'select', fieldProps: { options: (s?.byOrg ?? []).map((o) => ({ value: o.orgId, label: o.orgName })), showSearch: true }, render: (_, r) => r.orgName },
          {
            title: '状态', dataIndex: 'status', width: 110, valueType: 'select',
            fieldProps: { options: [{ value: 'published', label: '已发布' }, { value: 'draft', label: '未发布' }, { value: 'withdrawn', label: '已撤销' }] },
            render: (_, r) => <Space size={0} direction="vertical"><StatusTag name={r.statusName} color={STATUS_COLOR[r.status]} />{r.publishedVersionNo ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>第{r.publishedVersionNo}版</Typography.Text> : null}</Space>,
          },
          { title: '到现场', dataIndex: 'visits', width: 110, search: false, render: (_, r) => <ZeroVisitTag visits={r.visits} /> },
          {
            title: '要素完整度', dataIndex: 'complete', width: 170, valueType: 'select', fieldProps: { options: [{ value: 'true', label: '已达100%' }, { value: 'false', label: '未达100%' }] },
            render: (_, r) => <Space direction="vertical" size={0} style={{ width: 140 }}><Progress size="small" percent={Math.floor(r.score * 1000) / 10} status={r.complete ? 'success' : 'normal'} />{r.missingCount ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>缺{r.missingCount}项</Typography.Text> : null}</Space>,
          },
          { title: '下沉站点', dataIndex: 'sites', width: 90, search: false, render: (_, r) => (r.sites ? `${r.sites}个` : '—') },
          { title: '更新时间', dataIndex: 'updatedAt', width: 150, search: false, render: (_, r) => fmtTime(r.updatedAt) },
        ]}
      />
      <Modal open={!!importErrors} title="导入未完成" width={800} footer={<Button type="primary" onClick={() => setImportErrors(null)}>知道了</Button>} onCancel={() => setImportErrors(null)}>
        <Typography.Paragraph type="danger">{importErrors?.message}</Typography.Paragraph>
        <Table size="small" rowKey={(r) => `${r.sheet}:${r.row}`} pagination={{ pageSize: 10 }} dataSource={importErrors?.rows ?? []}
          columns={[
            { title: '工作表', dataIndex: 'sheet', width: 100 },
            { title: '行号', dataIndex: 'row', width: 70, render: (v: number) => (v > 0 ? `第${v}行` : '—') },
            { title: '问题', dataIndex: 'messages', render: (m: string[]) => m.map((x) => <div key={x}>{x}</div>) },
          ]} />
      </Modal>
    </PageContainer>
  );
}

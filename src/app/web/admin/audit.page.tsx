import { PageContainer, ProTable } from '@ant-design/pro-components';
import { Tag, Typography } from 'antd';
import type { z } from 'zod';
import type { AuditRecord } from '../../../core/shared/schemas';
import { fmtTime } from '../../../core/web/time';
import { listAudit } from '../app.hooks';

type Row = z.infer<typeof AuditRecord>;

export function AuditPage() {
  return (
    <PageContainer title="审计日志" subTitle="每条记录按链以SM3哈希串接；命令 zhengtong audit verify 可核验是否被改动或删除">
      <ProTable<Row> rowKey="id" options={false} pagination={{ pageSize: 50 }} search={{ labelWidth: 'auto' }}
        request={async ({ current, pageSize, stream, action }) => {
          const r = await listAudit({ page: current, pageSize, stream, action });
          return { data: r.items, total: r.total, success: true };
        }}
        columns={[
          { title: '时间', dataIndex: 'at', search: false, render: (_, r) => fmtTime(r.at), width: 150 },
          { title: '操作人', dataIndex: 'actorName', search: false },
          { title: '操作', dataIndex: 'action' },
          { title: '对象', dataIndex: 'entityId', search: false, render: (_, r) => (r.entityType ? `${r.entityType}:${r.entityId ?? ''}` : '—'), ellipsis: true },
          { title: '结果', dataIndex: 'success', search: false, render: (_, r) => (r.success ? <Tag color="green">成功</Tag> : <Tag color="red">失败</Tag>) },
          { title: 'IP', dataIndex: 'ip', search: false },
          { title: '链', dataIndex: 'stream', render: (_, r) => `${r.stream} #${r.seq}` },
          { title: '哈希', dataIndex: 'hash', search: false, render: (_, r) => <Typography.Text code>{r.hash.slice(0, 12)}…</Typography.Text> },
        ]} />
    </PageContainer>
  );
}

/** The public side on a phone: search the catalog, read a guide, track an application by number. */
import { useState } from 'react';
import { Card, Descriptions, Form, Input, List, Tag, Typography, Button, Alert } from 'antd';
import type { ServiceItem } from '../../catalog/public-shared';
import { usePublicServiceItems, useTrackApplication } from './applications.hooks';
import { usePublicSite } from '../../../core/web/public-site';

export function PublicServicesPage() {
  const [q, setQ] = useState('');
  const items = usePublicServiceItems(q);
  const [open, setOpen] = useState<ServiceItem | null>(null);
  const site = usePublicSite();
  return (
    <div style={{ maxWidth: 720, margin: '0 auto', padding: 12 }}>
      <Typography.Title level={4}>{site?.divisionName ?? ''}政务服务 · 办事指南</Typography.Title>
      <Input.Search placeholder="搜索事项，如 营业执照、餐饮、新生儿" allowClear enterButton="搜索" onSearch={setQ} data-testid="public-search" />
      {open ? (
        <Card style={{ marginTop: 12 }} title={open.name} extra={<a onClick={() => setOpen(null)}>返回</a>}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label="实施机关">{open.orgName}</Descriptions.Item>
            <Descriptions.Item label="事项类型">{open.type}</Descriptions.Item>
            <Descriptions.Item label="承诺时限">{open.promisedLimit === null ? '—' : open.promisedLimit === 0 ? '即办' : `${open.promisedLimit}个工作日`}</Descriptions.Item>
            <Descriptions.Item label="到现场次数">{open.visits}次</Descriptions.Item>
            <Descriptions.Item label="办理方式">{open.handleModes.join('、')}</Descriptions.Item>
            <Descriptions.Item label="申请材料">{open.materials.map((m) => <div key={m}>· {m}</div>)}</Descriptions.Item>
            <Descriptions.Item label="办理结果">{open.result ?? '—'}</Descriptions.Item>
          </Descriptions>
        </Card>
      ) : (
        <List style={{ marginTop: 12 }} loading={items.isLoading} dataSource={items.data ?? []} locale={{ emptyText: '没有找到相关事项' }}
          renderItem={(i) => (
            <List.Item onClick={() => setOpen(i)} style={{ cursor: 'pointer' }}>
              <List.Item.Meta title={i.name} description={<>{i.orgName} {i.visits === 0 ? <Tag color="green">不见面审批</Tag> : null}</>} />
            </List.Item>
          )} />
      )}
      <Track />
    </div>
  );
}

function Track() {
  const t = useTrackApplication();
  return (
    <Card style={{ marginTop: 16 }} title="办件进度查询">
      <Form layout="vertical" onFinish={(v) => t.mutate(v)}>
        <Form.Item name="refNo" label="办件编号" rules={[{ required: true, message: '请输入办件编号' }]}><Input /></Form.Item>
        <Form.Item name="idLast4" label="证件号码后4位" rules={[{ required: true, len: 4, message: '请输入4位' }]}><Input maxLength={4} /></Form.Item>
        <Button htmlType="submit" type="primary" loading={t.isPending}>查询</Button>
      </Form>
      {t.error ? <Alert style={{ marginTop: 12 }} type="error" message={t.error.message} /> : null}
      {t.data ? (
        <Descriptions style={{ marginTop: 12 }} column={1} size="small">
          <Descriptions.Item label="事项">{t.data.itemName}</Descriptions.Item>
          <Descriptions.Item label="状态">{t.data.stateName}</Descriptions.Item>
          {t.data.clocks.map((c) => <Descriptions.Item key={c.label} label={c.label}>{c.dueDate ?? '—'}　{c.badge}</Descriptions.Item>)}
        </Descriptions>
      ) : null}
    </Card>
  );
}

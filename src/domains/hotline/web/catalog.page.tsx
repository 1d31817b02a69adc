/**
 * 派单目录: which body leads on each category of 诉求 in a division, and who co-handles. The centre keeps
 * it current (国办函〔2025〕66号); 派单 without a named org follows it, the longest division prefix first.
 */
import { useState } from 'react';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Card, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useDispatchCatalog, useSaveCatalogRule } from './hotline.hooks';
import { hasPermission, useMe } from '../../../core/web/auth';
import { TICKET_CATEGORIES } from '../shared/hotline.machine';

type Rule = { category: string; divisionPrefix: string; orgName: string; coOrgNames: string[] };

export function DispatchCatalogPage() {
  const me = useMe();
  const canEdit = hasPermission(me, 'ticket.catalog');
  const rules = useDispatchCatalog();
  const [editing, setEditing] = useState<Rule | null>(null);
  const [form] = Form.useForm();
  const save = useSaveCatalogRule(() => setEditing(null));
  const open = (r: Rule) => { save.reset(); setEditing(r); };
  return (
    <PageContainer title="派单目录" content="诉求分类 × 区划 → 牵头承办单位和协办单位。派单时未指定承办单位的，按本目录派单（乡镇街道可设置更具体的区划）。">
      <Card extra={canEdit ? <Button type="primary" onClick={() => open({ category: TICKET_CATEGORIES[0], divisionPrefix: me.divisionCode?.slice(0, 6) ?? '', orgName: '', coOrgNames: [] })}>新增或修改目录项</Button> : null}>
        <Table<Rule> rowKey={(r) => `${r.category}@${r.divisionPrefix}`} loading={rules.isLoading} dataSource={rules.data ?? []} pagination={false} size="small"
          columns={[
            { title: '诉求分类', dataIndex: 'category' },
            { title: '适用区划', dataIndex: 'divisionPrefix' },
            { title: '牵头承办单位', dataIndex: 'orgName' },
            { title: '协办单位', dataIndex: 'coOrgNames', render: (v: string[]) => (v.length ? v.map((n) => <Tag key={n}>{n}</Tag>) : '—') },
            ...(canEdit ? [{ title: '操作', key: 'op', render: (_: unknown, r: Rule) => <Button size="small" onClick={() => open(r)}>修改</Button> }] : []),
          ]} />
      </Card>
      <Modal open={!!editing} title="派单目录项" okText="保存" cancelText="取消" confirmLoading={save.isPending} onCancel={() => setEditing(null)} onOk={() => form.submit()} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={editing ?? undefined} onFinish={(v) => save.mutate(v)}>
          <Form.Item name="category" label="诉求分类" rules={[{ required: true }]}><Select virtual={false} options={TICKET_CATEGORIES.map((c) => ({ value: c, label: c }))} /></Form.Item>
          <Form.Item name="divisionPrefix" label="适用区划代码" rules={[{ required: true, message: '请填写区划代码' }]}><Input maxLength={12} /></Form.Item>
          <Form.Item name="orgName" label="牵头承办单位（全称）" rules={[{ required: true, message: '请填写承办单位' }]}><Input maxLength={60} /></Form.Item>
          <Form.Item name="coOrgNames" label="协办单位（全称，回车分隔）"><Select mode="tags" open={false} /></Form.Item>
          {save.error ? <Alert type="error" showIcon message={save.error.message} /> : null}
        </Form>
      </Modal>
    </PageContainer>
  );
}

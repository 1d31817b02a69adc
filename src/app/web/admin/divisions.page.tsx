import { useMemo, useState } from 'react';
import { PageContainer, ProCard } from '@ant-design/pro-components';
import { App, Button, Descriptions, Form, Input, Modal, Tree, Tag } from 'antd';
import type { Division } from '../../../core/shared/schemas';
import { ApiError } from '../../../core/web/api';
import { hasPermission, useMe } from '../../../core/web/auth';
import { useAddDivision, useDivisions } from '../app.hooks';

const LEVEL: Record<string, string> = { province: '省', city: '市', county: '县区', township: '乡镇街道', village: '村社区' };
type Node = { key: string; title: string; children: Node[] };

export function DivisionsPage() {
  const me = useMe();
  const { message } = App.useApp();
  const q = useDivisions();
  const [selected, setSelected] = useState<Division | null>(null);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm();
  const tree = useMemo(() => {
    const nodes = new Map<string, Node>();
    const roots: Node[] = [];
    for (const d of q.data ?? []) nodes.set(d.code, { key: d.code, title: `${d.name}（${d.code}）`, children: [] });
    for (const d of q.data ?? []) {
      const n = nodes.get(d.code)!;
      const p = d.parentCode ? nodes.get(d.parentCode) : undefined;
      if (p) p.children.push(n); else roots.push(n);
    }
    return roots;
  }, [q.data]);
  const add = useAddDivision({
    done: () => { message.success('区划已新增'); setAdding(false); form.resetFields(); },
    failed: (e) => { if (e instanceof ApiError) form.setFields(e.fields.map((f) => ({ name: f.path, errors: [f.message] }))); message.error(e.message); },
  });
  return (
    <PageContainer title="行政区划" subTitle="GB/T 2260 区划代码：县级6位，乡镇街道9位，村社区12位">
      <ProCard split="vertical">
        <ProCard colSpan="45%" title="区划树">
          {tree.length ? <Tree treeData={tree} defaultExpandAll={false} defaultExpandedKeys={tree.flatMap((r) => [r.key, ...r.children.map((c) => c.key), ...r.children.flatMap((c) => c.children.map((x) => x.key))])}
            onSelect={(keys) => setSelected((q.data ?? []).find((d) => d.code === keys[0]) ?? null)} /> : null}
        </ProCard>
        <ProCard title="详情" extra={selected && hasPermission(me, 'tenancy.manage') && selected.level !== 'village' ? <Button type="primary" onClick={() => setAdding(true)}>新增下级区划</Button> : null}>
          {selected ? (
            <Descriptions column={1}>
              <Descriptions.Item label="名称">{selected.name}</Descriptions.Item>
              <Descriptions.Item label="代码">{selected.code}</Descriptions.Item>
              <Descriptions.Item label="层级"><Tag>{LEVEL[selected.level]}</Tag></Descriptions.Item>
              <Descriptions.Item label="路径">{selected.path}</Descriptions.Item>
            </Descriptions>
          ) : '请在左侧选择区划'}
        </ProCard>
      </ProCard>
      <Modal open={adding} title={`在“${selected?.name}”下新增区划`} okText="保存" cancelText="取消" confirmLoading={add.isPending} onCancel={() => setAdding(false)} onOk={async () => add.mutate({ ...(await form.validateFields() as { code: string; name: string }), parentCode: selected!.code })}>
        <Form form={form} layout="vertical">
          <Form.Item name="code" label="区划代码" extra={selected ? `应以${selected.code}开头，共${selected.code.length === 6 ? 9 : 12}位` : ''} rules={[{ required: true, message: '请输入区划代码' }]}><Input /></Form.Item>
          <Form.Item name="name" label="区划名称" rules={[{ required: true, message: '请输入区划名称' }]}><Input maxLength={100} /></Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}

import { useState } from 'react';
import { PageContainer, ProTable } from '@ant-design/pro-components';
import { App, Button, Form, Input, Modal, Select } from 'antd';
import type { Org } from '../../../core/shared/schemas';
import { ApiError } from '../../../core/web/api';
import { hasPermission, useMe } from '../../../core/web/auth';
import { useDivisions, useOrgs, useSaveOrg } from '../app.hooks';

export const ORG_KIND: Record<string, string> = { government: '人民政府', department: '政府部门', township: '乡镇街道', service_center: '政务服务中心', service_site: '便民服务中心（站）', hotline: '12345热线中心', mediationCommittee: '人民调解委员会' };

export function OrgsPage() {
  const me = useMe();
  const { message } = App.useApp();
  const orgs = useOrgs();
  const divisions = useDivisions();
  const [editing, setEditing] = useState<Org | 'new' | null>(null);
  const [form] = Form.useForm();
  const save = useSaveOrg({
    done: () => { message.success('已保存'); setEditing(null); },
    failed: (e) => { if (e instanceof ApiError) form.setFields(e.fields.map((f) => ({ name: f.path, errors: [f.message] }))); message.error(e.message); },
  });
  const open = (o: Org | 'new') => { setEditing(o); form.setFieldsValue(o === 'new' ? { kind: 'department' } : o); };
  return (
    <PageContainer title="机构">
      <ProTable<Org>
        rowKey="id" loading={orgs.isLoading} dataSource={orgs.data} search={false} options={false} pagination={{ pageSize: 20 }}
        toolBarRender={() => (hasPermission(me, 'tenancy.manage') ? [<Button key="add" type="primary" onClick={() => open('new')}>新增机构</Button>] : [])}
        columns={[
          { title: '机构名称', dataIndex: 'name' },
          { title: '简称', dataIndex: 'shortName' },
          { title: '类型', dataIndex: 'kind', render: (_, r) => ORG_KIND[r.kind] ?? r.kind },
          { title: '所在区划', dataIndex: 'divisionName' },
          { title: '操作', valueType: 'option', render: (_, r) => (hasPermission(me, 'tenancy.manage') ? [<a key="e" onClick={() => open(r)}>编辑</a>] : []) },
        ]}
      />
      <Modal open={editing !== null} title={editing === 'new' ? '新增机构' : '编辑机构'} okText="保存" cancelText="取消" confirmLoading={save.isPending} onCancel={() => setEditing(null)} onOk={async () => save.mutate({ id: editing === 'new' ? undefined : (editing as Org).id, body: await form.validateFields() })}>
        <Form form={form} layout="vertical">
          <Form.Item name="name" label="机构名称" rules={[{ required: true, message: '请输入机构名称' }]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="shortName" label="简称"><Input maxLength={30} /></Form.Item>
          <Form.Item name="kind" label="机构类型" rules={[{ required: true }]}><Select options={Object.entries(ORG_KIND).map(([value, label]) => ({ value, label }))} /></Form.Item>
          <Form.Item name="divisionCode" label="所在区划" rules={[{ required: true, message: '请选择区划' }]}>
            <Select showSearch optionFilterProp="label" options={(divisions.data ?? []).filter((d) => d.level !== 'village').map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` }))} />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}

import { useRef, useState } from 'react';
import { PageContainer, ProTable, type ActionType } from '@ant-design/pro-components';
import { App, Button, Form, Input, Modal, Select, Space, Tag, Popconfirm } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { StaffUser } from '../../../core/shared/schemas';
import { PASSWORD_RULE_TEXT } from '../../../core/shared/password';
import { ApiError } from '../../../core/web/api';
import { hasPermission, useMe } from '../../../core/web/auth';
import { fmtTime } from '../../../core/web/time';
import { listUsers, useOrgs, useRoles, useSaveUser, useUserAction } from '../app.hooks';

const STATUS: Record<StaffUser['status'], [string, string]> = { active: ['正常', 'green'], locked: ['锁定', 'orange'], disabled: ['停用', 'default'] };

export function UsersPage() {
  const me = useMe();
  const { message } = App.useApp();
  const table = useRef<ActionType>(null);
  const roles = useRoles();
  const orgs = useOrgs(hasPermission(me, 'tenancy.read'));
  const [editing, setEditing] = useState<StaffUser | 'new' | null>(null);
  const [form] = Form.useForm();
  const fail = (e: Error) => { if (e instanceof ApiError) form.setFields(e.fields.map((f) => ({ name: f.path.split('.')[0], errors: [f.message] }))); message.error(e.message); };
  const save = useSaveUser({ done: () => { message.success('已保存'); setEditing(null); table.current?.reload(); }, failed: fail });
  const act = useUserAction({ done: () => { message.success('已处理'); table.current?.reload(); }, failed: (e) => message.error(e.message) });
  const manage = hasPermission(me, 'user.manage');
  const roleOptions = (roles.data ?? []).filter((r) => r.scope !== 'self').map((r) => ({ value: r.key, label: r.name }));
  const orgOptions = (orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }));
  return (
    <PageContainer title="用户" subTitle="工作人员账号；三员分立：系统管理员、安全管理员、审计管理员">
      <ProTable<StaffUser>
        actionRef={table} rowKey="id" options={false} pagination={{ pageSize: 20 }}
        search={{ labelWidth: 'auto' }}
        request={async ({ current, pageSize, q }) => {
          const r = await listUsers({ page: current, pageSize, q });
          return { data: r.items, total: r.total, success: true };
        }}
        toolBarRender={() => (manage ? [<Button key="add" type="primary" onClick={() => { setEditing('new'); form.resetFields(); form.setFieldsValue({ roles: [{}] }); }}>新增用户</Button>] : [])}
        columns={[
          { title: '关键字', dataIndex: 'q', hideInTable: true, fieldProps: { placeholder: '用户名或姓名' } },
          { title: '用户名', dataIndex: 'username', search: false },
          { title: '姓名', dataIndex: 'displayName', search: false },
          { title: '手机', dataIndex: 'phone', search: false },
          { title: '角色', dataIndex: 'roles', search: false, render: (_, r) => <Space wrap>{r.roles.map((g) => <Tag key={`${g.role}${g.orgId}`}>{g.orgName}·{g.roleName}</Tag>)}</Space> },
          { title: '状态', dataIndex: 'status', search: false, render: (_, r) => <Tag color={STATUS[r.status][1]}>{STATUS[r.status][0]}</Tag> },
          { title: '最近登录', dataIndex: 'lastLoginAt', search: false, render: (_, r) => fmtTime(r.lastLoginAt) },
          {
            title: '操作', valueType: 'option', render: (_, r) => [
              manage ? <a key="roles" onClick={() => { setEditing(r); form.setFieldsValue({ roles: r.roles.map((g) => ({ role: g.role, orgId: g.orgId })) }); }}>授权</a> : null,
              r.status === 'locked' && hasPermission(me, 'user.unlock') ? <a key="unlock" onClick={() => act.mutate({ id: r.id, what: 'unlock' })}>解锁</a> : null,
              manage && r.status !== 'disabled' ? <Popconfirm key="dis" title="停用后该账号不能登录，确认？" onConfirm={() => act.mutate({ id: r.id, what: 'disable' })}><a>停用</a></Popconfirm> : null,
            ],
          },
        ]}
      />
      <Modal open={editing !== null} width={640} title={editing === 'new' ? '新增用户' : `授权：${(editing as StaffUser | null)?.displayName ?? ''}`} okText="保存" cancelText="取消" confirmLoading={save.isPending} onCancel={() => setEditing(null)} onOk={async () => { const v = await form.validateFields(); save.mutate(editing === 'new' ? { user: v } : { id: (editing as StaffUser).id, roles: v.roles }); }}>
        <Form form={form} layout="vertical">
          {editing === 'new' ? (
            <>
              <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}><Input /></Form.Item>
              <Form.Item name="displayName" label="姓名" rules={[{ required: true, message: '请输入姓名' }]}><Input /></Form.Item>
              <Form.Item name="phone" label="手机号码"><Input /></Form.Item>
              <Form.Item name="password" label="初始密码" extra={`${PASSWORD_RULE_TEXT}；首次登录须修改`} rules={[{ required: true, message: '请输入初始密码' }]}><Input.Password /></Form.Item>
            </>
          ) : null}
          <Form.List name="roles">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline">
                    <Form.Item name={[f.name, 'orgId']} rules={[{ required: true, message: '选择机构' }]}><Select style={{ width: 280 }} placeholder="机构" showSearch optionFilterProp="label" options={orgOptions} /></Form.Item>
                    <Form.Item name={[f.name, 'role']} rules={[{ required: true, message: '选择角色' }]}><Select style={{ width: 180 }} placeholder="角色" options={roleOptions} /></Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />}>添加角色</Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </PageContainer>
  );
}

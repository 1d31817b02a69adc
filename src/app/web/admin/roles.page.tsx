import { PageContainer, ProTable } from '@ant-design/pro-components';
import { Space, Tag } from 'antd';
import type { Role } from '../../../core/shared/schemas';
import { useRoles } from '../app.hooks';

const SCOPE: Record<Role['scope'], string> = { org: '本单位', division: '本区划及下级', self: '本人' };

export function RolesPage() {
  const q = useRoles();
  return (
    <PageContainer title="角色与权限" subTitle="角色由系统定义；系统管理员、安全管理员、审计管理员三员权限互不重叠">
      <ProTable<Role> rowKey="key" loading={q.isLoading} dataSource={q.data} search={false} options={false} pagination={false}
        columns={[
          { title: '角色', dataIndex: 'name', width: 140 },
          { title: '数据范围', dataIndex: 'scope', width: 120, render: (_, r) => SCOPE[r.scope] },
          { title: '说明', dataIndex: 'description', width: 260 },
          { title: '权限', dataIndex: 'permissions', render: (_, r) => <Space wrap size={[4, 4]}>{r.permissions.map((p) => <Tag key={p}>{p}</Tag>)}</Space> },
        ]} />
    </PageContainer>
  );
}

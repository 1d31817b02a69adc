import { useEffect, useMemo, useState } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { ProLayout } from '@ant-design/pro-components';
import { App, Badge, Button, Dropdown, Form, Input, Modal, Result, Space, Spin, List, Popover, Typography } from 'antd';
import { BellOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, setUnauthenticatedHandler } from '../../core/web/api';
import { MeProvider, hasPermission, useMe } from '../../core/web/auth';
import { meKey, useMeQuery } from '../../core/web/kernel.hooks';
import { useChangePassword, useInbox, useLogout, useMarkRead } from './app.hooks';
import type { WebRoute } from '../../core/web/web-route';
import { PASSWORD_RULE_TEXT } from '../../core/shared/password';
import { LoginPage } from './pages/login.page';
import { PortalPage } from './pages/portal.page';
import { domainRoutes, kernelRoutes } from './routes';

export function Shell() {
  const navigate = useNavigate();
  const location = useLocation();
  const qc = useQueryClient();
  useEffect(() => {
    setUnauthenticatedHandler((msg) => {
      qc.removeQueries({ queryKey: meKey });
      if (!window.location.pathname.startsWith('/login')) navigate(`/login?reason=${encodeURIComponent(msg)}`, { replace: true });
    });
  }, [navigate, qc]);
  const publicRoutes = [...kernelRoutes, ...domainRoutes].filter((r) => r.public);
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      {/* the citizen portal: a visitor or a citizen at / stays on public pages; staff go to their 工作台 */}
      <Route path="/" element={<PortalPage />} />
      <Route path="/public" element={<PortalPage />} />
      {publicRoutes.map((r) => <Route key={r.path} path={r.path} element={r.element} />)}
      <Route path="*" element={<Staff key={location.pathname === '/login' ? 'x' : 'staff'} />} />
    </Routes>
  );
}

function Staff() {
  const me = useMeQuery();
  if (me.isLoading) return <Spin fullscreen tip="正在加载" />;
  if (me.error || !me.data) return <Navigate to={`/login${me.error instanceof ApiError && me.error.code === 'SESSION_EXPIRED' ? '?reason=登录已超时，请重新登录' : ''}`} replace />;
  // A citizen's session never opens the staff shell: their pages are the portal's.
  if (me.data.kind === 'public') return <Navigate to="/public/my" replace />;
  return <MeProvider me={me.data}><StaffLayout /></MeProvider>;
}

function StaffLayout() {
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const [pwOpen, setPwOpen] = useState(me.mustChangePassword);
  const visible = useMemo(() => [...kernelRoutes, ...domainRoutes.filter((r) => !r.public)].filter((r) => hasPermission(me, r.permission)), [me]);
  const menu = useMemo(() => buildMenu(visible), [visible]);
  const logout = useLogout(() => navigate('/login'));
  const role = me.roles.map((r) => `${r.orgName ?? ''}${r.roleName}`).join('、');
  return (
    <ProLayout
      title="政通"
      logo={false}
      layout="mix"
      fixSiderbar
      location={{ pathname: location.pathname }}
      route={{ path: '/', routes: menu }}
      menuItemRender={(item, dom) => <a onClick={() => item.path && navigate(item.path)}>{dom}</a>}
      actionsRender={() => [<Inbox key="inbox" />]}
      avatarProps={{
        icon: <UserOutlined />, title: <span data-testid="current-user">{me.displayName}</span>, size: 'small',
        render: (_p, dom) => (
          // Click, not hover: a hover menu closes as the pointer crosses the header, which
          // loses touch users and made the menu flicker away mid-click.
          <Dropdown trigger={['click']} menu={{ items: [
            { key: 'role', label: <Typography.Text type="secondary">{role}</Typography.Text>, disabled: true },
            { key: 'pw', label: '修改密码', onClick: () => setPwOpen(true) },
            { key: 'logout', label: <span data-testid="logout">退出登录</span>, onClick: () => logout.mutate() },
          ] }}>{dom}</Dropdown>
        ),
      }}
    >
      <Routes>
        <Route path="/" element={<Navigate to="/workbench" replace />} />
        {visible.map((r) => <Route key={r.path} path={r.path} element={r.element} />)}
        <Route path="*" element={<Result status="404" title="页面不存在或您没有访问权限" extra={<Button onClick={() => navigate('/workbench')}>返回工作台</Button>} />} />
      </Routes>
      <ChangePassword open={pwOpen} forced={me.mustChangePassword} onClose={() => setPwOpen(false)} />
    </ProLayout>
  );
}

type MenuItem = { path: string; name: string; icon?: React.ReactNode; routes?: MenuItem[] };
function buildMenu(routes: WebRoute[]): MenuItem[] {
  const out: MenuItem[] = [];
  const groups = new Map<string, MenuItem>();
  for (const r of routes) {
    if (r.hideInMenu) continue;
    const item = { path: r.path, name: r.name, icon: r.icon };
    if (!r.group) { out.push(item); continue; }
    let g = groups.get(r.group);
    if (!g) { g = { path: `/group/${r.group}`, name: r.group, routes: [] }; groups.set(r.group, g); out.push(g); }
    g.routes!.push(item);
  }
  return out;
}

function Inbox() {
  const navigate = useNavigate();
  const q = useInbox();
  const read = useMarkRead();
  const unread = (q.data ?? []).filter((m) => !m.readAt).length;
  return (
    <Popover trigger="click" placement="bottomRight" title="消息" content={
      <List style={{ width: 360, maxHeight: 400, overflow: 'auto' }} dataSource={q.data ?? []} locale={{ emptyText: '暂无消息' }}
        renderItem={(m) => (
          <List.Item style={{ cursor: 'pointer', opacity: m.readAt ? 0.6 : 1 }} onClick={() => { read.mutate(m.id); if (m.link) navigate(m.link); }}>
            <List.Item.Meta title={m.title} description={m.body} />
          </List.Item>
        )} />
    }>
      <Badge count={unread} size="small"><BellOutlined style={{ fontSize: 16 }} data-testid="inbox" /></Badge>
    </Popover>
  );
}

function ChangePassword({ open, forced, onClose }: { open: boolean; forced: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const m = useChangePassword({
    done: () => { message.success('密码已修改'); onClose(); },
    failed: (e) => message.error(e instanceof Error ? e.message : '修改失败'),
  });
  return (
    <Modal open={open} title={forced ? '请修改密码（首次登录或密码已过期）' : '修改密码'} okText="确定" cancelText="取消" closable={!forced} maskClosable={false}
      cancelButtonProps={{ style: forced ? { display: 'none' } : undefined }} confirmLoading={m.isPending} onCancel={onClose}
      onOk={async () => m.mutate(await form.validateFields())}>
      <Form form={form} layout="vertical">
        <Form.Item name="oldPassword" label="原密码" rules={[{ required: true, message: '请输入原密码' }]}><Input.Password /></Form.Item>
        <Form.Item name="newPassword" label="新密码" extra={PASSWORD_RULE_TEXT} rules={[{ required: true, message: '请输入新密码' }]}><Input.Password /></Form.Item>
      </Form>
    </Modal>
  );
}

export function PageSpace({ children }: { children: React.ReactNode }) { return <Space direction="vertical" size="middle" style={{ width: '100%' }}>{children}</Space>; }

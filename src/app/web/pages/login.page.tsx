import { useSearchParams, useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { meKey, useLogin } from '../../../core/web/kernel.hooks';

export function LoginPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const login = useLogin((me) => { qc.setQueryData(meKey, me); navigate(me.kind === 'public' ? '/public/my' : '/workbench', { replace: true }); });
  const reason = params.get('reason');
  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: 'linear-gradient(135deg,#8e0e00 0%,#1f1c18 100%)' }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>政通</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>县域数字政府平台 · 工作人员登录</Typography.Paragraph>
        {reason && !login.error ? <Alert type="warning" showIcon message={reason} style={{ marginBottom: 16 }} /> : null}
        {login.error ? <Alert type="error" showIcon message={login.error.message} style={{ marginBottom: 16 }} data-testid="login-error" /> : null}
        <Form layout="vertical" onFinish={(v) => login.mutate(v)} requiredMark={false}>
          <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}><Input prefix={<UserOutlined />} autoComplete="username" /></Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}><Input.Password prefix={<LockOutlined />} autoComplete="current-password" /></Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>登录</Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 12 }}>连续5次密码错误将锁定账号30分钟；30分钟无操作自动退出。</Typography.Paragraph>
      </Card>
    </div>
  );
}

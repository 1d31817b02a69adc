/**
 * The citizen's session on public pages (phone-sized portal): who is signed in, without the app-wide
 * 401 handler (a visitor on a public page is simply not signed in), and the sign-in card.
 */
import { Alert, Button, Card, Form, Input } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me } from '../shared/schemas';
import { post } from './api';

async function whoAmI(): Promise<Me | null> {
  const r = await fetch('/api/auth/me', { credentials: 'same-origin' });
  return r.ok ? ((await r.json()) as Me) : null;
}

/** The signed-in citizen or enterprise, null for a visitor or a staff session. */
export function usePublicMe() {
  const me = useQuery({ queryKey: ['public-me'], queryFn: whoAmI, retry: false });
  return { loading: me.isLoading, me: me.data && me.data.kind === 'public' ? me.data : null };
}

export function PublicLoginCard({ title, testId = 'apply-login' }: { title: string; testId?: string }) {
  const qc = useQueryClient();
  const login = useMutation({
    mutationFn: (v: { username: string; password: string }) => post<Me>('/api/auth/login', v),
    onSuccess: () => { void qc.invalidateQueries({ queryKey: ['public-me'] }); },
  });
  return (
    <Card size="small" title={title} data-testid={testId}>
      <Form layout="vertical" onFinish={(v) => login.mutate(v)}>
        <Form.Item name="username" label="身份证号或统一社会信用代码" rules={[{ required: true, message: '请输入证件号码' }]}><Input maxLength={18} autoComplete="username" /></Form.Item>
        <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}><Input.Password autoComplete="current-password" /></Form.Item>
        {login.error ? <Alert type="error" showIcon message={login.error.message} style={{ marginBottom: 12 }} /> : null}
        <Button type="primary" htmlType="submit" block loading={login.isPending}>登录</Button>
      </Form>
    </Card>
  );
}

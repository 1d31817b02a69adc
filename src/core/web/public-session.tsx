/**
 * The citizen's session on public pages (phone-sized portal): who is signed in, without the app-wide
 * 401 handler (a visitor on a public page is simply not signed in), and the sign-in card.
 */
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Radio } from 'antd';
import { ApiError } from './api';
import { usePublicLogin, usePublicMeQuery, useRegister } from './kernel.hooks';

/** The signed-in citizen or enterprise, null for a visitor or a staff session. */
export function usePublicMe() {
  const me = usePublicMeQuery();
  return { loading: me.isLoading, me: me.data && me.data.kind === 'public' ? me.data : null };
}

export function PublicLoginCard({ title, testId = 'apply-login' }: { title: string; testId?: string }) {
  const [mode, setMode] = useState<'login' | 'register'>('login');
  return mode === 'login'
    ? <LoginCard title={title} testId={testId} onRegister={() => setMode('register')} />
    : <RegisterCard onDone={() => setMode('login')} />;
}

/** 注册: a citizen (身份证) or an enterprise (统一社会信用代码) opens an account, then signs in. */
function RegisterCard({ onDone }: { onDone: () => void }) {
  const [form] = Form.useForm();
  const register = useRegister((e) => { if (e instanceof ApiError && e.fields.length) form.setFields(e.fields.map((f) => ({ name: f.path.split('.'), errors: [f.message] }))); });
  return (
    <Card size="small" title="注册账号" data-testid="register">
      <Form form={form} layout="vertical" initialValues={{ kind: 'person' }} onFinish={(v) => register.mutate(v)}>
        <Form.Item name="kind" label="账号类型"><Radio.Group options={[{ value: 'person', label: '个人' }, { value: 'enterprise', label: '企业' }]} /></Form.Item>
        <Form.Item name="name" label="姓名或企业名称" rules={[{ required: true, message: '请填写姓名或企业名称' }]}><Input maxLength={100} /></Form.Item>
        <Form.Item name="idNumber" label="身份证号或统一社会信用代码" rules={[{ required: true, len: 18, message: '请填写18位证件号码' }]}><Input maxLength={18} autoComplete="username" /></Form.Item>
        <Form.Item name="phone" label="手机号码" rules={[{ required: true, pattern: /^1\d{10}$/, message: '手机号码应为11位数字' }]}><Input maxLength={11} inputMode="tel" /></Form.Item>
        <Form.Item name="password" label="设置密码" extra="至少8位，含字母和数字" rules={[{ required: true, message: '请设置密码' }]}><Input.Password autoComplete="new-password" /></Form.Item>
        {register.error ? <Alert type="error" showIcon message={register.error.message} style={{ marginBottom: 12 }} /> : null}
        <Button type="primary" htmlType="submit" block loading={register.isPending}>注册并登录</Button>
        <Button type="link" block onClick={onDone}>已有账号，去登录</Button>
      </Form>
    </Card>
  );
}

function LoginCard({ title, testId, onRegister }: { title: string; testId: string; onRegister: () => void }) {
  const login = usePublicLogin();
  return (
    <Card size="small" title={title} data-testid={testId}>
      <Form layout="vertical" onFinish={(v) => login.mutate(v)}>
        <Form.Item name="username" label="身份证号或统一社会信用代码" rules={[{ required: true, message: '请输入证件号码' }]}><Input maxLength={18} autoComplete="username" /></Form.Item>
        <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}><Input.Password autoComplete="current-password" /></Form.Item>
        {login.error ? <Alert type="error" showIcon message={login.error.message} style={{ marginBottom: 12 }} /> : null}
        <Button type="primary" htmlType="submit" block loading={login.isPending}>登录</Button>
        <Button type="link" block onClick={onRegister} data-testid="to-register">没有账号？注册</Button>
      </Form>
    </Card>
  );
}

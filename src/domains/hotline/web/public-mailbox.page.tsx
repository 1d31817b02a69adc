/** 市长信箱 on a phone: write a letter, follow it, and read the letters published with their writers' consent. */
import { Alert, Button, Card, Checkbox, Form, Input, List, Result, Tabs, Typography } from 'antd';
import { useFileLetter, usePublishedLetters } from './hotline.hooks';
import { TrackPanel } from './public-hotline.page';


export function PublicMailboxPage() {
  const file = useFileLetter();
  const list = usePublishedLetters();
  return (
    <div style={{ maxWidth: 560, margin: '0 auto', padding: 12 }}>
      <Typography.Title level={4}>区长信箱</Typography.Title>
      <Tabs items={[
        {
          key: 'write', label: '我要写信',
          children: file.data ? <Result status="success" title="来信已收到" subTitle={`信件编号 ${file.data.refNo}，一般在15个工作日内答复。`} /> : (
            <Card>
              <Form layout="vertical" onFinish={(v) => file.mutate(v)}>
                <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]}><Input maxLength={60} /></Form.Item>
                <Form.Item name="content" label="来信内容" rules={[{ required: true, message: '请填写来信内容' }]}><Input.TextArea rows={5} maxLength={5000} /></Form.Item>
                <Form.Item name="writerName" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}><Input maxLength={30} /></Form.Item>
                <Form.Item name="writerPhone" label="手机号码" rules={[{ required: true, message: '请填写手机号码' }]}><Input maxLength={11} /></Form.Item>
                <Form.Item name="consentToPublish" valuePropName="checked"><Checkbox>同意公开来信和答复（不公开姓名和电话）</Checkbox></Form.Item>
                {file.error ? <Alert type="error" message={file.error.message} style={{ marginBottom: 8 }} /> : null}
                <Button type="primary" htmlType="submit" block loading={file.isPending}>提交</Button>
              </Form>
            </Card>
          ),
        },
        { key: 'track', label: '进度查询', children: <TrackPanel endpoint="/api/public/letters/track" /> },
        {
          key: 'public', label: `来信选登（${list.data?.total ?? 0}）`,
          children: <List dataSource={list.data?.items ?? []} renderItem={(l) => (
            <List.Item><List.Item.Meta title={l.title} description={<>
              <Typography.Paragraph>{l.content}</Typography.Paragraph>
              <Typography.Paragraph type="secondary">{l.orgName}答复：{l.reply}</Typography.Paragraph>
            </>} /></List.Item>
          )} />,
        },
      ]} />
    </div>
  );
}

/** A draft put out for comment, passage by passage: a citizen comments on one passage; once published, how each comment was treated. */
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Form, Input, Modal, Result, Space, Spin, Table, Tag, Typography } from 'antd';
import { ApiError } from '../../../core/web/api';
import { usePublicDraft, useSendPublicComment } from './normative-docs.hooks';

type Draft = {
  id: string; title: string; orgName: string; from: string; to: string; open: boolean; passages: { no: number; label: string; text: string; comments: number }[];
  adoption: null | { publishedOn: string; counts: { adopted: number; partly: number; notAdopted: number }; items: { passageNo: number; passageLabel: string; content: string; adoption: string; reason: string | null }[] };
};

export function PublicConsultationPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [passage, setPassage] = useState<Draft['passages'][number] | null>(null);
  const q = usePublicDraft(id);
  const send = useSendPublicComment(id, {
    done: () => { message.success('意见已提交，感谢您的参与'); setPassage(null); },
    failed: (e) => { if (e instanceof ApiError && e.fields.length) form.setFields(e.fields.map((f) => ({ name: f.path, errors: [f.message] }))); },
  });
  if (q.isLoading) return <Spin />;
  if (q.error || !q.data) return <Result status="404" title={q.error?.message ?? '征求意见稿不存在'} />;
  const d = q.data;
  return (
    <div style={{ maxWidth: 900, margin: '0 auto', padding: 12 }}>
      <Typography.Title level={4}>{d.title}（征求意见稿）</Typography.Title>
      <Typography.Paragraph type="secondary">起草单位：{d.orgName}；征求意见期限：{d.from}至{d.to}　{d.open ? <Tag color="processing">正在征求意见</Tag> : <Tag>征求意见已截止</Tag>}</Typography.Paragraph>
      {d.open ? <Alert showIcon type="info" style={{ marginBottom: 12 }} message="请在要提出意见的条款下点击“对本条提出意见”。" /> : null}
      {d.adoption ? (
        <Card size="small" title={`意见采纳情况（${d.adoption.publishedOn}公布）`} style={{ marginBottom: 16 }} data-testid="adoption">
          <Typography.Paragraph>共收到意见{d.adoption.items.length}条，采纳{d.adoption.counts.adopted}条，部分采纳{d.adoption.counts.partly}条，不予采纳{d.adoption.counts.notAdopted}条。</Typography.Paragraph>
          <Table rowKey={(r) => `${r.passageNo}-${r.content}`} size="small" pagination={false} dataSource={d.adoption.items}
            columns={[{ title: '条款', dataIndex: 'passageLabel', width: 90 }, { title: '意见', dataIndex: 'content' }, { title: '采纳情况', dataIndex: 'adoption', width: 100 }, { title: '理由', dataIndex: 'reason', render: (r: string | null) => r ?? '—' }]} />
        </Card>
      ) : null}
      <Space direction="vertical" style={{ width: '100%' }} data-testid="draft-passages">
        {d.passages.map((p) => (
          <Card key={p.no} size="small" title={p.label} extra={<Space>{p.comments ? <Typography.Text type="secondary">已收到意见{p.comments}条</Typography.Text> : null}{d.open ? <Button size="small" onClick={() => { send.reset(); setPassage(p); }}>对本条提出意见</Button> : null}</Space>}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{p.text}</Typography.Paragraph>
          </Card>
        ))}
      </Space>
      <Modal open={!!passage} title={`对${passage?.label ?? ''}提出意见`} okText="提交" cancelText="取消" destroyOnHidden onCancel={() => setPassage(null)} onOk={() => form.submit()} confirmLoading={send.isPending}>
        <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>{passage?.text}</Typography.Paragraph>
        <Form form={form} layout="vertical" preserve={false} onFinish={(v) => send.mutate({ passageNo: passage!.no, content: v.content, name: v.name || undefined })}>
          <Form.Item name="content" label="意见内容" rules={[{ required: true, message: '请填写意见内容' }]}><Input.TextArea rows={4} maxLength={2000} /></Form.Item>
          <Form.Item name="name" label="署名（可不填）"><Input maxLength={30} /></Form.Item>
          {send.error ? <Alert type="error" showIcon message={send.error.message} /> : null}
        </Form>
      </Modal>
    </div>
  );
}

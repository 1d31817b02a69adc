/** 12345 on a phone: file a 诉求 without an account, then follow it by number and the phone's last four digits. */
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Result, Select, Tabs, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { get, post, qs } from '../../../core/web/api';
import { TICKET_CATEGORIES, TICKET_KINDS } from '../shared/hotline.machine';

type Track = { refNo: string; title: string; stateName: string; createdAt: string; reply: string | null; orgName: string };

export function TrackPanel({ endpoint }: { endpoint: string }) {
  const [q, setQ] = useState({ refNo: '', phone4: '' });
  const track = useMutation({ mutationFn: () => get<Track>(`${endpoint}?${qs(q)}`) });
  return (
    <Card>
      <Input placeholder="编号" value={q.refNo} onChange={(e) => setQ({ ...q, refNo: e.target.value.trim() })} style={{ marginBottom: 8 }} />
      <Input placeholder="联系电话后4位" maxLength={4} value={q.phone4} onChange={(e) => setQ({ ...q, phone4: e.target.value.trim() })} style={{ marginBottom: 8 }} />
      <Button type="primary" block onClick={() => track.mutate()} loading={track.isPending}>查询</Button>
      {track.error ? <Alert type="error" message={track.error.message} style={{ marginTop: 8 }} /> : null}
      {track.data ? (
        <Descriptions column={1} size="small" style={{ marginTop: 12 }} data-testid="track-result">
          <Descriptions.Item label="编号">{track.data.refNo}</Descriptions.Item>
          <Descriptions.Item label="标题">{track.data.title}</Descriptions.Item>
          <Descriptions.Item label="状态">{track.data.stateName}</Descriptions.Item>
          <Descriptions.Item label="承办单位">{track.data.orgName}</Descriptions.Item>
          <Descriptions.Item label="答复">{track.data.reply ?? '尚未答复'}</Descriptions.Item>
        </Descriptions>
      ) : null}
    </Card>
  );
}

export function PublicHotlinePage() {
  const file = useMutation({ mutationFn: (v: Record<string, unknown>) => post<{ refNo: string }>('/api/public/tickets', v) });
  return (
    <div style={{ maxWidth: 480, margin: '0 auto', padding: 12 }}>
      <Typography.Title level={4}>12345政务服务便民热线</Typography.Title>
      <Tabs items={[
        {
          key: 'file', label: '我要反映',
          children: file.data ? <Result status="success" title="已受理" subTitle={`工单编号 ${file.data.refNo}，请凭编号和电话后4位查询办理进度。`} /> : (
            <Card>
              <Form layout="vertical" onFinish={(v) => file.mutate(v)} initialValues={{ kind: 'help', category: '城市管理' }}>
                <Form.Item name="kind" label="诉求类型"><Select virtual={false} options={Object.entries(TICKET_KINDS).map(([value, label]) => ({ value, label }))} /></Form.Item>
                <Form.Item name="category" label="诉求分类"><Select virtual={false} options={TICKET_CATEGORIES.map((c) => ({ value: c, label: c }))} /></Form.Item>
                <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]}><Input maxLength={60} /></Form.Item>
                <Form.Item name="description" label="诉求内容（时间、地点、事情经过）" rules={[{ required: true, message: '请填写诉求内容' }]}><Input.TextArea rows={4} maxLength={3000} /></Form.Item>
                <Form.Item name="address" label="事发地址"><Input maxLength={200} /></Form.Item>
                <Form.Item name="callerName" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}><Input maxLength={30} /></Form.Item>
                <Form.Item name="callerPhone" label="手机号码" rules={[{ required: true, message: '请填写手机号码' }]}><Input maxLength={11} /></Form.Item>
                {file.error ? <Alert type="error" message={file.error.message} style={{ marginBottom: 8 }} /> : null}
                <Button type="primary" htmlType="submit" block loading={file.isPending}>提交</Button>
                <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
                  涉及诉讼、仲裁、行政复议、信访、政府信息公开申请等已有法定途径的事项，请按法定途径办理。
                </Typography.Paragraph>
              </Form>
            </Card>
          ),
        },
        { key: 'track', label: '进度查询', children: <TrackPanel endpoint="/api/public/tickets/track" /> },
      ]} />
    </div>
  );
}

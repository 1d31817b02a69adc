/** 12345 on a phone: file a 诉求 without an account, then follow it by number and the phone's last four digits. */
import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Descriptions, Form, Input, Radio, Result, Select, Tabs, Typography } from 'antd';
import { useFilePublicTicket, useHotlinePlaces, useTicketFeedback, useTrack, type TrackPath } from './hotline.hooks';
import { SATISFACTION, TICKET_CATEGORIES, TICKET_KINDS } from '../shared/hotline.machine';

type Track = { refNo: string; title: string; stateName: string; createdAt: string; reply: string | null; orgName: string; canRate: boolean };

/** The caller's own rating of a reply: solved and how satisfied; "not solved" sends it back to the org. */
function RatePanel({ q, onDone }: { q: { refNo: string; phone4: string }; onDone: (t: Track) => void }) {
  const rate = useTicketFeedback(onDone);
  return (
    <Card size="small" title="评价答复" style={{ marginTop: 12 }} data-testid="rate-panel">
      <Form layout="vertical" onFinish={(v) => rate.mutate({ ...q, ...v })}>
        <Form.Item name="resolved" label="问题是否已解决" rules={[{ required: true, message: '请选择问题是否已解决' }]}>
          <Radio.Group options={[{ value: true, label: '已解决' }, { value: false, label: '未解决，要求继续办理' }]} />
        </Form.Item>
        <Form.Item name="satisfaction" label="满意度" rules={[{ required: true, message: '请选择满意度' }]}>
          <Radio.Group options={SATISFACTION.map((s) => ({ value: s, label: s }))} />
        </Form.Item>
        <Form.Item name="note" label="意见（选填）"><Input.TextArea rows={2} maxLength={500} /></Form.Item>
        {rate.error ? <Alert type="error" message={rate.error.message} style={{ marginBottom: 8 }} /> : null}
        <Button type="primary" htmlType="submit" block loading={rate.isPending}>提交评价</Button>
      </Form>
    </Card>
  );
}

export function TrackPanel({ endpoint, rateable = false }: { endpoint: TrackPath; rateable?: boolean }) {
  const [q, setQ] = useState({ refNo: '', phone4: '' });
  const track = useTrack(endpoint);
  const [rated, setRated] = useState<Track | null>(null);
  const shown = rated ?? track.data;
  return (
    <Card>
      <Input placeholder="编号" value={q.refNo} onChange={(e) => setQ({ ...q, refNo: e.target.value.trim() })} style={{ marginBottom: 8 }} />
      <Input placeholder="联系电话后4位" maxLength={4} value={q.phone4} onChange={(e) => setQ({ ...q, phone4: e.target.value.trim() })} style={{ marginBottom: 8 }} />
      <Button type="primary" block onClick={() => { setRated(null); track.mutate(q); }} loading={track.isPending}>查询</Button>
      {track.error ? <Alert type="error" message={track.error.message} style={{ marginTop: 8 }} /> : null}
      {shown ? (
        <Descriptions column={1} size="small" style={{ marginTop: 12 }} data-testid="track-result">
          <Descriptions.Item label="编号">{shown.refNo}</Descriptions.Item>
          <Descriptions.Item label="标题">{shown.title}</Descriptions.Item>
          <Descriptions.Item label="状态">{shown.stateName}</Descriptions.Item>
          <Descriptions.Item label="承办单位">{shown.orgName}</Descriptions.Item>
          <Descriptions.Item label="答复">{shown.reply ?? '尚未答复'}</Descriptions.Item>
        </Descriptions>
      ) : null}
      {rated ? <Alert type="success" message="感谢您的评价" style={{ marginTop: 8 }} /> : null}
      {rateable && shown?.canRate && !rated ? <RatePanel q={q} onDone={setRated} /> : null}
    </Card>
  );
}

export function PublicHotlinePage() {
  const places = useHotlinePlaces();
  const file = useFilePublicTicket();
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
                <Form.Item name="divisionCode" label="事发乡镇（街道）"><Select virtual={false} allowClear options={(places.data ?? []).map((p) => ({ value: p.code, label: p.name }))} /></Form.Item>
                <Form.Item name="address" label="事发地址"><Input maxLength={200} /></Form.Item>
                <Form.Item name="callerName" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}><Input maxLength={30} /></Form.Item>
                <Form.Item name="callerPhone" label="手机号码" rules={[{ required: true, message: '请填写手机号码' }]}><Input maxLength={11} /></Form.Item>
                <Form.Item name="consentToPublish" valuePropName="checked"><Checkbox>同意公开本工单及办理结果（不公开个人信息）；不同意的，只公开类别、所在乡镇和办理状态</Checkbox></Form.Item>
                {file.error ? <Alert type="error" message={file.error.message} style={{ marginBottom: 8 }} /> : null}
                <Button type="primary" htmlType="submit" block loading={file.isPending}>提交</Button>
                <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
                  涉及诉讼、仲裁、行政复议、信访、政府信息公开申请等已有法定途径的事项，请按法定途径办理。
                </Typography.Paragraph>
              </Form>
            </Card>
          ),
        },
        { key: 'track', label: '进度查询和评价', children: <TrackPanel endpoint="/api/public/tickets/track" rateable /> },
      ]} />
    </div>
  );
}

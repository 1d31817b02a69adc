/** 行政复议 on the public portal, phone-sized: apply (signed in), follow by number, supply 补正 there. */
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Input, List, Result, Tabs, Typography } from 'antd';
import { PublicLoginCard, usePublicMe } from '../../../core/web/public-session';
import { ApplicationForm } from './reconsideration-form';
import { useSupplyReconsideration, useTrackReconsideration, type Filed } from './reconsideration.hooks';

function Apply() {
  const { loading, me } = usePublicMe();
  const [filed, setFiled] = useState<Filed>();
  if (loading) return null;
  if (!me) return <PublicLoginCard title="网上申请行政复议：请先登录" testId="reconsideration-login" />;
  if (filed) {
    return <Result status="success" title={`案件编号 ${filed.refNo}`} data-testid="reconsideration-filed"
      subTitle={`已于${filed.receivedOn}收到您的申请。本机关将在5个工作日内审查（行政复议法 第30条）；请凭案件编号和手机号码后4位查询进度。`}
      extra={filed.warnings.map((w) => <Alert key={w} type="warning" showIcon message={w} style={{ textAlign: 'left' }} />)} />;
  }
  return <Card size="small"><ApplicationForm staff={false} name={me.displayName} onFiled={setFiled} /></Card>;
}

function Track() {
  const [q, setQ] = useState({ refNo: '', phone4: '' });
  const [content, setContent] = useState('');
  const track = useTrackReconsideration();
  const supply = useSupplyReconsideration(() => track.mutate(q));
  const d = track.data;
  return (
    <Card size="small">
      <Input placeholder="案件编号" value={q.refNo} onChange={(e) => setQ({ ...q, refNo: e.target.value.trim() })} style={{ marginBottom: 8 }} data-testid="track-refno" />
      <Input placeholder="手机号码后4位" maxLength={4} inputMode="numeric" value={q.phone4} onChange={(e) => setQ({ ...q, phone4: e.target.value.trim() })} style={{ marginBottom: 8 }} data-testid="track-phone4" />
      <Button type="primary" block onClick={() => track.mutate(q)} loading={track.isPending}>查询</Button>
      {track.error ? <Alert type="error" message={track.error.message} style={{ marginTop: 8 }} /> : null}
      {d ? (
        <Descriptions column={1} size="small" style={{ marginTop: 12 }} data-testid="reconsideration-track">
          <Descriptions.Item label="状态">{d.stateName}</Descriptions.Item>
          <Descriptions.Item label="被申请人">{d.respondent}</Descriptions.Item>
          <Descriptions.Item label="收到申请">{d.receivedOn}</Descriptions.Item>
          <Descriptions.Item label="适用程序">{d.procedure}</Descriptions.Item>
          {d.acceptedOn ? <Descriptions.Item label="受理日期">{d.acceptedOn}</Descriptions.Item> : null}
          {d.outcome ? <Descriptions.Item label="结果">{`${d.outcome}（${d.closedOn}）`}</Descriptions.Item> : null}
        </Descriptions>
      ) : null}
      {d?.clocks.length ? <List size="small" header="期限" dataSource={d.clocks} renderItem={(c) => <List.Item><Typography.Text>{c.label}：{c.dueDate ?? '—'}{c.state === 'paused' ? '（已暂停）' : c.state === 'stopped' ? '（已结束）' : ''}</Typography.Text></List.Item>} /> : null}
      {d?.state === 'correcting' ? (
        <Card size="small" title="提交补正" style={{ marginTop: 8 }}>
          <Alert type="warning" message={`需补正：${d.correctionAsked ?? ''}`} style={{ marginBottom: 8 }} />
          <Input.TextArea rows={3} placeholder="补正的内容和材料说明" value={content} onChange={(e) => setContent(e.target.value)} data-testid="supply-content" />
          {supply.error ? <Alert type="error" message={supply.error.message} style={{ marginTop: 8 }} /> : null}
          <Button type="primary" block style={{ marginTop: 8 }} loading={supply.isPending} onClick={() => supply.mutate({ ...q, content })}>提交补正</Button>
        </Card>
      ) : null}
    </Card>
  );
}

export function PublicReconsiderationPage() {
  return (
    <div style={{ maxWidth: 560, margin: '0 auto', padding: 12 }}>
      <Typography.Title level={4}>行政复议</Typography.Title>
      <Tabs items={[{ key: 'apply', label: '申请行政复议', children: <Apply /> }, { key: 'track', label: '案件查询', children: <Track /> }]} />
    </div>
  );
}

/** 政府信息公开 on the public portal (works on a phone): search what is published, apply, follow, 补正. */
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, List, Result, Select, Tabs, Tag, Typography } from 'antd';
import { useCorrectDisclosureRequest, useDisclosureOrgs, useFileDisclosureRequest, usePublishedItems, useTrackDisclosureRequest, type DisclosureCategory } from './disclosure.hooks';
import { APPLICANT_TYPES, PROACTIVE_CATEGORIES } from '../shared/disclosure.machine';

type Item = { id: string; title: string; category: string; orgName: string; publishedOn: string; excerpt: string };

function Published() {
  const [q, setQ] = useState('');
  const [category, setCategory] = useState<DisclosureCategory>();
  const list = usePublishedItems({ q: q || undefined, category, page: 1, pageSize: 20 });
  return (
    <>
      <Input.Search placeholder="输入关键词，如：食品安全、预算、养老" allowClear onSearch={setQ} style={{ marginBottom: 8 }} />
      <Select allowClear placeholder="全部类别" style={{ width: '100%', marginBottom: 8 }} value={category} onChange={setCategory} options={PROACTIVE_CATEGORIES.map((c) => ({ value: c, label: c }))} />
      <Typography.Text type="secondary">共{list.data?.total ?? 0}条</Typography.Text>
      <List dataSource={list.data?.items ?? []} renderItem={(i) => (
        <List.Item><List.Item.Meta title={i.title} description={<><Tag>{i.category}</Tag>{i.orgName} · {i.publishedOn}</>} /></List.Item>
      )} />
    </>
  );
}

function Apply() {
  const orgs = useDisclosureOrgs();
  const file = useFileDisclosureRequest();
  if (file.data) return <Result status="success" title={`申请编号 ${file.data.refNo}`} subTitle={`收到日期 ${file.data.receivedOn}（政府信息公开条例 第31条）。一般在20个工作日内答复，请凭编号和电话后4位查询。`} />;
  return (
    <Card>
      <Form layout="vertical" onFinish={(v) => file.mutate(v)} initialValues={{ applicantType: 'person' }}>
        <Form.Item name="applicantType" label="申请人类型"><Select options={Object.entries(APPLICANT_TYPES).map(([value, label]) => ({ value, label: value === 'person' ? label : `法人或其他组织：${label}` }))} /></Form.Item>
        <Form.Item name="applicantName" label="申请人姓名或名称" rules={[{ required: true, message: '请填写申请人' }]}><Input maxLength={60} /></Form.Item>
        <Form.Item name="phone" label="手机号码" rules={[{ required: true, message: '请填写手机号码' }]}><Input maxLength={11} /></Form.Item>
        <Form.Item name="orgId" label="向哪个机关申请" rules={[{ required: true, message: '请选择机关' }]}>
          <Select showSearch optionFilterProp="label" data-testid="disclosure-org" options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))} />
        </Form.Item>
        <Form.Item name="content" label="所需政府信息的名称、文号或其他特征性描述" rules={[{ required: true, message: '请描述所需信息' }]}><Input.TextArea rows={4} maxLength={3000} /></Form.Item>
        <Form.Item name="purpose" label="用途（选填）"><Input maxLength={200} /></Form.Item>
        {file.error ? <Alert type="error" message={file.error.message} style={{ marginBottom: 8 }} /> : null}
        <Button type="primary" htmlType="submit" block loading={file.isPending}>提交申请</Button>
      </Form>
    </Card>
  );
}

function Track() {
  const [q, setQ] = useState({ refNo: '', phone4: '' });
  const [content, setContent] = useState('');
  const track = useTrackDisclosureRequest();
  const correct = useCorrectDisclosureRequest(() => track.mutate(q));
  const d = track.data;
  return (
    <Card>
      <Input placeholder="申请编号" value={q.refNo} onChange={(e) => setQ({ ...q, refNo: e.target.value.trim() })} style={{ marginBottom: 8 }} />
      <Input placeholder="联系电话后4位" maxLength={4} value={q.phone4} onChange={(e) => setQ({ ...q, phone4: e.target.value.trim() })} style={{ marginBottom: 8 }} />
      <Button type="primary" block onClick={() => track.mutate(q)} loading={track.isPending}>查询</Button>
      {track.error ? <Alert type="error" message={track.error.message} style={{ marginTop: 8 }} /> : null}
      {d ? (
        <Descriptions column={1} size="small" style={{ marginTop: 12 }} data-testid="disclosure-track">
          <Descriptions.Item label="状态">{d.stateName}</Descriptions.Item>
          <Descriptions.Item label="受理机关">{d.orgName}</Descriptions.Item>
          <Descriptions.Item label="收到日期">{d.receivedOn}</Descriptions.Item>
          <Descriptions.Item label="申请内容">{d.content}</Descriptions.Item>
          {d.dueDate ? <Descriptions.Item label="答复期限">{d.dueDate}</Descriptions.Item> : null}
          {d.derivation ? <Descriptions.Item label="期限计算">{d.derivation}</Descriptions.Item> : null}
          {d.replyType ? <Descriptions.Item label="答复类型">{d.replyType}</Descriptions.Item> : null}
          {d.replyContent ? <Descriptions.Item label="答复内容">{d.replyContent}</Descriptions.Item> : null}
          {d.replyType ? <Descriptions.Item label="信息处理费">{d.fee ? `${d.fee}元` : '不收费'}</Descriptions.Item> : null}
        </Descriptions>
      ) : null}
      {d?.state === 'correcting' ? (
        <Card size="small" title="补正申请" style={{ marginTop: 8 }}>
          <Alert type="warning" message={`需补正：${d.correctionAsked ?? ''}`} style={{ marginBottom: 8 }} />
          <Input.TextArea rows={3} placeholder="补正后的申请内容" value={content} onChange={(e) => setContent(e.target.value)} />
          {correct.error ? <Alert type="error" message={correct.error.message} style={{ marginTop: 8 }} /> : null}
          <Button type="primary" block style={{ marginTop: 8 }} loading={correct.isPending} onClick={() => correct.mutate({ ...q, content })}>提交补正</Button>
        </Card>
      ) : null}
    </Card>
  );
}

export function PublicDisclosurePage() {
  return (
    <div style={{ maxWidth: 560, margin: '0 auto', padding: 12 }}>
      <Typography.Title level={4}>政府信息公开</Typography.Title>
      <Tabs items={[
        { key: 'published', label: '主动公开', children: <Published /> },
        { key: 'apply', label: '依申请公开', children: <Apply /> },
        { key: 'track', label: '申请查询', children: <Track /> },
      ]} />
    </div>
  );
}

/**
 * 热线登记 for the operator on a call: the caller's words, type and category; likely repeats of open
 * tickets appear as the description is typed (并单 candidates), so the operator can merge instead of
 * dispatching twice. Matters with their own legal channel are refused by the server with the channel.
 */
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Card, Checkbox, Col, Form, Input, List, Result, Row, Select, Tag } from 'antd';
import { useDispatchTicket, useFileTicket, useHotlinePlaces, useMergeTicket, useSimilarTickets } from './hotline.hooks';
import { TICKET_CATEGORIES, TICKET_KINDS } from '../shared/hotline.machine';


export function TicketIntakePage() {
  const [form] = Form.useForm();
  const [text, setText] = useState('');
  const similar = useSimilarTickets(text);
  const places = useHotlinePlaces();
  const file = useFileTicket();
  const merge = useMergeTicket(() => file.data!.id);
  const dispatch = useDispatchTicket(() => file.data!.id);
  const next = () => { file.reset(); merge.reset(); dispatch.reset(); form.resetFields(); setText(''); };
  if (file.data) {
    const candidates = (similar.data ?? []).filter((c) => c.id !== file.data!.id);
    const done = merge.isSuccess ? `已并入 ${merge.variables}，不再单独派单` : dispatch.data ? `已按派单目录派至${dispatch.data.orgName}` : null;
    return (
      <PageContainer title="热线登记">
        <Result status="success" title={`已登记工单 ${file.data.refNo}`} subTitle={done ?? '请告知来电人工单编号，可凭编号和电话后4位查询进度。'}
          extra={[
            <Link key="open" to={`/cases/${file.data.id}`}><Button type="primary">打开工单</Button></Link>,
            ...(done ? [] : [<Button key="dispatch" loading={dispatch.isPending} onClick={() => dispatch.mutate()}>按派单目录派单</Button>]),
            <Button key="new" onClick={next}>登记下一件</Button>,
          ]} />
        {merge.error || dispatch.error ? <Alert type="error" showIcon message={(merge.error ?? dispatch.error)!.message} style={{ marginBottom: 12 }} /> : null}
        {!done && candidates.length ? (
          <Card title="疑似重复诉求：如属同一诉求，可并入在办工单" data-testid="merge-candidates">
            <List dataSource={candidates} renderItem={(c) => (
              <List.Item extra={<Button size="small" loading={merge.isPending && merge.variables === c.refNo} onClick={() => merge.mutate(c.refNo)}>并入此工单</Button>}>
                <List.Item.Meta title={<Link to={`/cases/${c.id}`}>{c.refNo}</Link>} description={<>{c.title} <Tag>相似度 {Math.round(c.score * 100)}%</Tag></>} />
              </List.Item>
            )} />
          </Card>
        ) : null}
      </PageContainer>
    );
  }
  return (
    <PageContainer title="热线登记">
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <Card>
            <Form form={form} layout="vertical" onFinish={(v) => file.mutate(v)} initialValues={{ kind: 'consult', category: '政务服务' }}>
              <Row gutter={12}>
                <Col span={12}><Form.Item name="kind" label="诉求类型" rules={[{ required: true }]}><Select virtual={false} options={Object.entries(TICKET_KINDS).map(([value, label]) => ({ value, label }))} /></Form.Item></Col>
                <Col span={12}><Form.Item name="category" label="诉求分类（派单目录）" rules={[{ required: true }]}><Select virtual={false} options={TICKET_CATEGORIES.map((c) => ({ value: c, label: c }))} /></Form.Item></Col>
              </Row>
              <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]}><Input maxLength={60} /></Form.Item>
              <Form.Item name="description" label="诉求内容" rules={[{ required: true, message: '请填写诉求内容' }]}>
                <Input.TextArea rows={5} maxLength={3000} onBlur={(e) => setText(e.target.value.trim())} />
              </Form.Item>
              <Row gutter={12}>
                <Col span={12}><Form.Item name="callerName" label="诉求人" rules={[{ required: true, message: '请填写诉求人' }]}><Input maxLength={30} /></Form.Item></Col>
                <Col span={12}><Form.Item name="callerPhone" label="联系电话" rules={[{ required: true, message: '请填写联系电话' }]}><Input maxLength={13} /></Form.Item></Col>
              </Row>
              <Row gutter={12}>
                <Col span={10}><Form.Item name="divisionCode" label="事发乡镇（街道）"><Select virtual={false} allowClear options={(places.data ?? []).map((p) => ({ value: p.code, label: p.name }))} /></Form.Item></Col>
                <Col span={14}><Form.Item name="address" label="事发地址"><Input maxLength={200} /></Form.Item></Col>
              </Row>
              <Form.Item name="consentToPublish" valuePropName="checked"><Checkbox>来电人同意公开本工单及办理结果（不公开个人信息）</Checkbox></Form.Item>
              {file.error ? <Alert type="error" showIcon message={file.error.message} style={{ marginBottom: 12 }} /> : null}
              <Button type="primary" htmlType="submit" loading={file.isPending}>登记工单</Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card title="疑似重复诉求（可并单）" data-testid="similar">
            <List dataSource={similar.data ?? []} locale={{ emptyText: text.length >= 8 ? '未发现近30天内相似的在办工单' : '填写诉求内容后自动查找' }}
              renderItem={(s) => (
                <List.Item extra={<Tag>{Math.round(s.score * 100)}%</Tag>}>
                  <List.Item.Meta title={<Link to={`/cases/${s.id}`}>{s.refNo}</Link>} description={s.title} />
                </List.Item>
              )} />
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}

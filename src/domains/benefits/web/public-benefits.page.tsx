/**
 * 免申即享 on the public portal (phone-sized): the firm (or person) signed in with its own account sees
 * what the county's scan found for it — the benefit with its amount and the reasons, or the one
 * condition it missed with the data behind it and how to correct it — confirms the receiving account
 * in one step, or objects to the data. The 公示 list is open to everyone.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, List, Space, Tag, Typography } from 'antd';
import { PublicLoginCard, usePublicMe } from '../../../core/web/public-session';
import { useConfirmAccount, useDecline, useMyBenefits, useObject, usePublicity, useSubmitApplication } from './benefits.hooks';
import type { ApiResponse } from '../../../core/web/api';

type Item = ApiResponse<'/api/public/benefits/mine'>['items'][number];
const page = { maxWidth: 720, margin: '0 auto', padding: 12 };

function Reasons({ r }: { r: Item }) {
  return (
    <List size="small" dataSource={r.explanation} renderItem={(x) => (
      <List.Item><Space direction="vertical" size={0}>
        <span>{x.ok ? <Tag color="green">满足</Tag> : <Tag color="red">不满足</Tag>}{x.label}</span>
        <Typography.Text type="secondary">登记数据：{x.value}；要求：{x.op}{x.threshold}</Typography.Text>
      </Space></List.Item>
    )} />
  );
}

function BenefitCard({ r }: { r: Item }) {
  const { message } = App.useApp();
  const [mode, setMode] = useState<'none' | 'confirm' | 'object'>('none');
  const confirm = useConfirmAccount({ done: () => { message.success('已确认收款账户'); setMode('none'); }, failed: (e) => message.error(e.message) });
  const object = useObject({ done: () => { message.success('异议已提交，主管部门将核实'); setMode('none'); }, failed: (e) => message.error(e.message) });
  const decline = useDecline({ done: () => message.success('已放弃享受') });
  const apply = useSubmitApplication({ done: () => message.success('申请已提交，进入公示'), failed: (e) => message.error(e.message) });
  const eligible = r.outcome === 'eligible';
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="my-benefit"
      title={<Space wrap><span>{r.policyName}</span>{eligible ? <Tag color="green">符合条件</Tag> : r.outcome === 'nearMiss' ? <Tag color="orange">差一项条件</Tag> : <Tag>{r.note ? '不重复享受' : r.outcome}</Tag>}</Space>}>
      <Descriptions size="small" column={1} items={[
        { label: '政策依据', children: `${r.docNo} ${r.article}` },
        ...(eligible ? [{ label: '兑现金额', children: <b>{r.amountYuan}元</b> }, { label: '进度', children: r.payStateName ?? '' }, ...(r.publicityEnds ? [{ label: '公示期至', children: r.publicityEnds }] : []), ...(r.accountMasked ? [{ label: '收款账户', children: r.accountMasked }] : [])] : []),
        ...(r.failed ? [{ label: '未满足的条件', children: r.failed }, { label: '如何更正', children: r.correctionHint ?? '' }] : []),
        ...(r.note ? [{ label: '说明', children: r.note }] : []),
      ]} />
      <Typography.Text strong>比对依据</Typography.Text>
      <Reasons r={r} />
      {r.objectionOpen ? <Alert type="info" showIcon message="您的异议正在核实中" /> : null}
      {eligible && r.payState === 'awaitingApplication' ? (
        <Alert type="warning" showIcon style={{ marginTop: 8 }} data-testid="prefilled-application" message="快申快享：已根据登记数据为您预填申请"
          description="请核对上方“比对依据”中的数据和兑现金额，无误后提交申请；数据有误的，请先提出异议。提交后进入名单公示，再确认收款账户。" />
      ) : null}
      <Space wrap style={{ marginTop: 8 }}>
        {eligible && r.payState === 'awaitingApplication' ? <Button type="primary" loading={apply.isPending} onClick={() => apply.mutate(r.id)}>核对无误，提交申请</Button> : null}
        {eligible && (r.payState === 'publicity' || r.payState === 'awaitingConfirmation') ? <Button type="primary" onClick={() => setMode('confirm')}>确认收款账户</Button> : null}
        {!r.objectionOpen && r.outcome !== 'excluded' ? <Button onClick={() => setMode('object')}>对数据有异议</Button> : null}
        {eligible && ['awaitingApplication', 'publicity', 'awaitingConfirmation', 'confirmed'].includes(r.payState ?? '') ? <Button type="link" danger onClick={() => decline.mutate(r.id)}>放弃享受</Button> : null}
      </Space>
      {mode === 'confirm' ? (
        <Form layout="vertical" style={{ marginTop: 8 }} onFinish={(v) => confirm.mutate({ id: r.id, body: v })} data-testid="confirm-form">
          <Form.Item name="accountName" label="收款账户名称" rules={[{ required: true, message: '请填写收款账户名称' }]} initialValue={r.subjectName}><Input maxLength={60} /></Form.Item>
          <Form.Item name="accountNo" label="收款账号" rules={[{ required: true, message: '请填写收款账号' }]}><Input inputMode="numeric" maxLength={30} /></Form.Item>
          <Button type="primary" htmlType="submit" block loading={confirm.isPending}>确认</Button>
        </Form>
      ) : null}
      {mode === 'object' ? (
        <Form layout="vertical" style={{ marginTop: 8 }} onFinish={(v) => object.mutate({ id: r.id, body: v })} data-testid="object-form">
          <Form.Item name="claimedValue" label="您认为正确的数值" rules={[{ required: true, message: '请填写' }]}><Input maxLength={60} /></Form.Item>
          <Form.Item name="reason" label="异议理由" rules={[{ required: true, message: '请填写异议理由' }]}><Input.TextArea rows={3} maxLength={500} /></Form.Item>
          {object.error ? <Alert type="error" showIcon message={object.error.message} style={{ marginBottom: 8 }} /> : null}
          <Button type="primary" htmlType="submit" block loading={object.isPending}>提交异议</Button>
        </Form>
      ) : null}
    </Card>
  );
}

export function MyBenefitsPage() {
  const { loading, me } = usePublicMe();
  const mine = useMyBenefits(!!me);
  return (
    <div style={page}>
      <Typography.Title level={4}>惠企政策 免申即享</Typography.Title>
      <Typography.Paragraph type="secondary">政府部门根据登记数据主动比对，符合条件的无需申请，确认收款账户即可兑现。</Typography.Paragraph>
      {loading ? null : !me ? <PublicLoginCard title="查看本企业可享受的政策：请先登录" testId="benefits-login" /> : (
        mine.data ? (
          mine.data.items.length ? mine.data.items.map((r) => <BenefitCard key={r.id} r={r} />) : <Empty description={mine.data.inRegister ? '暂无比对结果' : '登记库中暂无您的数据'} />
        ) : null
      )}
    </div>
  );
}

export function PublicityPage() {
  const list = usePublicity();
  return (
    <div style={page}>
      <Typography.Title level={4}>惠企政策兑现名单公示</Typography.Title>
      <Typography.Paragraph type="secondary">以下企业经数据比对符合兑现条件。公示期内对名单有异议的，可向政策主管部门反映。</Typography.Paragraph>
      <List loading={list.isLoading} dataSource={list.data ?? []} data-testid="publicity" renderItem={(x) => (
        <List.Item><List.Item.Meta title={x.subjectName} description={`${x.subjectCode}　${x.policyName}（${x.docNo}）　${x.amountYuan}元　公示至${x.publicityEnds ?? ''}`} /></List.Item>
      )} />
    </div>
  );
}

/**
 * 电子证照 for staff: the registry (search, status and type filters), a licence's detail with its QR
 * code, renewal chain and the reminders sent, and the licence types with their reminder and renewal rules.
 */
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Result, Select, Space, Spin, Table, Tag, Typography, message } from 'antd';
import type { z } from 'zod';
import { ApiError } from '../../../core/web/api';
import { hasPermission, useMe } from '../../../core/web/auth';
import { fmtTime } from '../../../core/web/time';
import { AUTO_RENEWAL, LICENCE_STATUSES, STATUS_COLORS, type Licence, type LicenceTypeView } from '../shared/licences.schema';
import { useLicence, useLicences, useLicenceTypes, useRevokeLicence, useRunReminders, useSaveLicenceType } from './licences.hooks';

type Item = z.infer<typeof Licence>;
type TypeView = z.infer<typeof LicenceTypeView>;

const StatusTag = ({ s, name }: { s: keyof typeof STATUS_COLORS; name: string }) => <Tag color={STATUS_COLORS[s]} data-testid="licence-status">{name}</Tag>;
const left = (d: number | null) => (d === null ? '长期' : d < 0 ? `已过期${-d}天` : `剩余${d}天`);

function RunReminders() {
  const run = useRunReminders({
    done: (r) => message.success(`已检查${r.scanned}张证照，发送提醒${r.reminded}次，生成续证申请${r.renewalsFiled}件，自动续期${r.renewed}张`),
    failed: (e) => message.error(e.message),
  });
  return <Button onClick={() => run.mutate()} loading={run.isPending} data-testid="run-reminders">立即执行到期提醒</Button>;
}

export function LicenceRegistryPage() {
  const me = useMe();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<{ q?: string; status?: string; typeId?: string }>({});
  const [page, setPage] = useState(1);
  const types = useLicenceTypes();
  const q = useLicences({ ...filter, page, pageSize: 20 } as Parameters<typeof useLicences>[0]);
  return (
    <PageContainer title="电子证照台账" extra={hasPermission(me, 'licence.manage') ? <Space><RunReminders /><Button onClick={() => navigate('/licences/types')}>证照类型</Button></Space> : null}>
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search placeholder="证照编号或持证人" allowClear style={{ width: 260 }} onSearch={(v) => { setPage(1); setFilter((f) => ({ ...f, q: v || undefined })); }} data-testid="licence-search" />
          <Select placeholder="状态" allowClear style={{ width: 140 }} onChange={(v) => { setPage(1); setFilter((f) => ({ ...f, status: v })); }}
            options={Object.entries(LICENCE_STATUSES).map(([value, label]) => ({ value, label }))} data-testid="licence-status-filter" />
          <Select placeholder="证照类型" allowClear style={{ width: 240 }} onChange={(v) => { setPage(1); setFilter((f) => ({ ...f, typeId: v })); }}
            options={(types.data ?? []).map((t) => ({ value: t.id, label: t.name }))} />
        </Space>
        <Table<Item> rowKey="id" size="small" loading={q.isLoading} dataSource={q.data?.items ?? []} data-testid="licence-table"
          onRow={(r) => ({ onClick: () => navigate(`/licences/${r.id}`), style: { cursor: 'pointer' } })}
          pagination={{ current: page, pageSize: 20, total: q.data?.total ?? 0, onChange: setPage, showTotal: (n) => `共${n}张` }}
          columns={[
            { title: '证照编号', dataIndex: 'licenceNo' },
            { title: '证照类型', dataIndex: 'typeName' },
            { title: '持证人', dataIndex: 'holderName' },
            { title: '发证机关', dataIndex: 'orgName' },
            { title: '有效期', key: 'v', render: (_, r) => `${r.validFrom} 至 ${r.validTo ?? '长期'}` },
            { title: '状态', key: 's', render: (_, r) => <Space size={4}><StatusTag s={r.status} name={r.statusName} />{r.status === 'expiring' ? <Typography.Text type="warning">{left(r.daysLeft)}</Typography.Text> : null}</Space> },
            { title: '来源', dataIndex: 'sourceName' },
          ]} />
      </Card>
    </PageContainer>
  );
}

export function LicenceDetailPage() {
  const { id } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const d = useLicence(id ?? '');
  const [revoking, setRevoking] = useState(false);
  const revoke = useRevokeLicence(id ?? '', () => setRevoking(false));
  if (d.isLoading) return <Spin style={{ margin: 48 }} />;
  if (d.error || !d.data) return <Result status="404" title="证照不存在或您无权查看" subTitle={d.error?.message} />;
  const l = d.data;
  return (
    <PageContainer title={`${l.typeName} ${l.licenceNo}`} onBack={() => navigate('/licences')}
      extra={hasPermission(me, 'licence.revoke') && l.status !== 'revoked' && l.status !== 'renewed' ? <Button danger onClick={() => setRevoking(true)}>注销证照</Button> : null}>
      <Space align="start" wrap style={{ width: '100%' }}>
        <Card size="small" style={{ minWidth: 520 }}>
          <Descriptions column={1} size="small" data-testid="licence-detail">
            <Descriptions.Item label="状态"><StatusTag s={l.status} name={l.statusName} /> {l.validTo ? left(l.daysLeft) : null}</Descriptions.Item>
            <Descriptions.Item label="持证人">{l.holderName}（{l.holderKind === 'enterprise' ? '统一社会信用代码' : '身份证号'} {l.holderIdMasked}）</Descriptions.Item>
            <Descriptions.Item label="发证机关">{l.orgName}</Descriptions.Item>
            <Descriptions.Item label="有效期">{l.validFrom} 至 {l.validTo ?? '长期'}</Descriptions.Item>
            <Descriptions.Item label="来源">{l.sourceName}{l.sourceRefNo ? `（办件编号 ${l.sourceRefNo}）` : ''}</Descriptions.Item>
            <Descriptions.Item label="签发时间">{fmtTime(l.issuedAt)}</Descriptions.Item>
            {l.previousLicenceNo ? <Descriptions.Item label="续期前证照">{l.previousLicenceNo}</Descriptions.Item> : null}
            {l.nextLicenceNo ? <Descriptions.Item label="续期后证照">{l.nextLicenceNo}</Descriptions.Item> : null}
            {l.renewalRefNo ? <Descriptions.Item label="续证申请">{l.renewalRefNo}（{l.renewalState}）</Descriptions.Item> : null}
            <Descriptions.Item label="下次提醒">{l.nextReminder ? `${l.nextReminder.date}（到期前${l.nextReminder.offsetDays}天）` : '—'}</Descriptions.Item>
          </Descriptions>
        </Card>
        <Card size="small" title="核验二维码" style={{ width: 260, textAlign: 'center' }}>
          <img src={l.qrPath} alt="证照核验二维码" width={200} height={200} data-testid="licence-qr" />
          <Typography.Paragraph copyable={{ text: l.verifyUrl }} style={{ fontSize: 12, wordBreak: 'break-all' }}>
            <a href={l.verifyUrl} target="_blank" rel="noreferrer" data-testid="verify-link">扫码或点击核验</a>
          </Typography.Paragraph>
          <a href={l.qrPath} download={`${l.licenceNo}.png`}>下载二维码图片</a>
        </Card>
      </Space>
      <Card size="small" title="到期提醒记录" style={{ marginTop: 16 }}>
        <Table rowKey="offsetDays" size="small" pagination={false} dataSource={l.reminders} data-testid="reminder-table" locale={{ emptyText: '尚未发送到期提醒' }}
          columns={[
            { title: '提醒节点', dataIndex: 'offsetDays', render: (v: number, r) => `到期前${v}天${r.configuredOffset !== null ? `（原设置${r.configuredOffset}天，已按法定期限提前）` : ''}` },
            { title: '发送时间', dataIndex: 'sentAt', render: (v: string) => fmtTime(v) },
            { title: '短信', dataIndex: 'smsSent', render: (v: boolean) => (v ? '已发送' : '未发送') },
            { title: '通知发证机关', dataIndex: 'orgNotified', render: (v: number) => `${v}人` },
            { title: '处理', dataIndex: 'actionName' },
            { title: '说明', dataIndex: 'note' },
          ]} />
      </Card>
      <Modal open={revoking} title="注销证照" okText="注销" okButtonProps={{ danger: true }} cancelText="取消" onCancel={() => setRevoking(false)} destroyOnHidden footer={null}>
        <Form layout="vertical" onFinish={(v) => revoke.mutate(v)}>
          <Form.Item name="reason" label="注销理由" rules={[{ required: true, message: '请填写注销理由' }]}><Input.TextArea rows={3} maxLength={300} /></Form.Item>
          {revoke.error ? <Alert type="error" showIcon message={revoke.error.message} style={{ marginBottom: 12 }} /> : null}
          <Button danger type="primary" htmlType="submit" loading={revoke.isPending}>确认注销</Button>
        </Form>
      </Modal>
    </PageContainer>
  );
}

/** The form's values as the API takes them: blanks are null, the reminder days a list. */
const typeBody = (v: { validityMonths?: number | null; reminderOffsets: string; renewalLeadDays?: number | null; renewalBasis?: string | null; autoRenewal: TypeView['autoRenewal'] }) => ({
  ...v, validityMonths: v.validityMonths ?? null, renewalLeadDays: v.renewalLeadDays ?? null, renewalBasis: v.renewalBasis || null,
  reminderOffsets: String(v.reminderOffsets).split(/[,，、\s]+/).filter(Boolean).map(Number),
});

export function LicenceTypesPage() {
  const me = useMe();
  const types = useLicenceTypes();
  const [editing, setEditing] = useState<TypeView | null>(null);
  const save = useSaveLicenceType(() => setEditing(null));
  return (
    <PageContainer title="证照类型" extra={hasPermission(me, 'licence.manage') ? <RunReminders /> : null}>
      <Table<TypeView> rowKey="id" size="small" loading={types.isLoading} dataSource={types.data ?? []} pagination={false}
        columns={[
          { title: '证照类型', dataIndex: 'name' },
          { title: '有效期', dataIndex: 'validityText' },
          { title: '到期提醒', key: 'o', render: (_, t) => (t.validityMonths === null ? '—' : <>
            {t.effectiveOffsets.map((o) => `T-${o}`).join('、')}
            {t.adjustments.map((a) => <div key={a.configured}><Typography.Text type="warning" style={{ fontSize: 12 }}>{a.reason}</Typography.Text></div>)}
          </>) },
          { title: '法定续期申请期限', dataIndex: 'renewalLeadDays', render: (v: number | null) => (v === null ? '—' : `届满${v}日前`) },
          { title: '续证方式', dataIndex: 'autoRenewalName' },
          { title: '', key: 'op', render: (_, t) => (hasPermission(me, 'licence.manage') ? <Button size="small" onClick={() => { save.reset(); setEditing(t); }}>修改</Button> : null) },
        ]} />
      <Modal open={!!editing} title={`证照类型：${editing?.name ?? ''}`} okText="保存" cancelText="取消" onCancel={() => setEditing(null)} footer={null} destroyOnHidden>
        {editing ? (
          <Form layout="vertical" initialValues={{ ...editing, reminderOffsets: editing.reminderOffsets.join('、') }} onFinish={(v) => save.mutate({ id: editing.id, body: typeBody(v) })}>
            <Form.Item name="validityMonths" label="有效期（月，留空为长期）"><InputNumber min={1} max={600} /></Form.Item>
            <Form.Item name="reminderOffsets" label="到期前提醒天数（用顿号分隔）" rules={[{ required: true, message: '请填写提醒天数' }]}><Input /></Form.Item>
            <Form.Item name="renewalLeadDays" label="法定续期申请期限（届满前天数，留空为不适用）"><InputNumber min={0} max={365} /></Form.Item>
            <Form.Item name="renewalBasis" label="续期依据"><Input.TextArea rows={2} maxLength={500} /></Form.Item>
            <Form.Item name="autoRenewal" label="续证方式"><Select options={Object.entries(AUTO_RENEWAL).map(([value, label]) => ({ value, label }))} /></Form.Item>
            {save.error ? <Alert type="error" showIcon message={save.error.message} description={save.error instanceof ApiError ? save.error.fields.map((f) => f.message).join('；') : undefined} style={{ marginBottom: 12 }} /> : null}
            <Button type="primary" htmlType="submit" loading={save.isPending}>保存</Button>
          </Form>
        ) : null}
      </Modal>
    </PageContainer>
  );
}

/**
 * The public side of 电子证照, phone-sized: the page a licence's QR code opens (genuine? valid today?),
 * and 我的证照 — the signed-in holder's licences, or a lookup by licence number and id last four.
 */
import { useParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Form, Input, List, Result, Spin, Tag, Typography } from 'antd';
import type { z } from 'zod';
import { PublicLoginCard, usePublicMe } from '../../../core/web/public-session';
import { STATUS_COLORS, type Verification } from '../shared/licences.schema';
import { useLookupLicence, useMyLicences, useVerifyLicence } from './licences.hooks';

type V = z.infer<typeof Verification>;

const Shell = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <div style={{ maxWidth: 480, margin: '0 auto', padding: 12 }}>
    <Typography.Title level={4}>{title}</Typography.Title>
    {children}
  </div>
);

function VerificationCard({ v }: { v: V }) {
  return (
    <Card data-testid="verify-result">
      <Result status={v.valid ? 'success' : 'warning'} style={{ padding: 12 }}
        title={v.valid ? '证照真实有效' : `证照真实，当前${v.statusName}`}
        subTitle={`本平台签发的电子证照，核验日期 ${v.checkedAt}`} />
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label="证照名称">{v.typeName}</Descriptions.Item>
        <Descriptions.Item label="证照编号">{v.licenceNo}</Descriptions.Item>
        <Descriptions.Item label="状态"><Tag color={STATUS_COLORS[v.status]}>{v.statusName}</Tag></Descriptions.Item>
        <Descriptions.Item label="持证人">{v.holderName}</Descriptions.Item>
        <Descriptions.Item label="证件号码">{v.holderIdMasked}</Descriptions.Item>
        <Descriptions.Item label="发证机关">{v.orgName}</Descriptions.Item>
        <Descriptions.Item label="有效期">{v.validFrom} 至 {v.validTo ?? '长期'}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

export function VerifyLicencePage() {
  const { token } = useParams();
  const v = useVerifyLicence(token ?? '');
  return (
    <Shell title="电子证照核验">
      {v.isLoading ? <Spin /> : v.error ? <div data-testid="verify-failed"><Result status="error" title="核验未通过" subTitle={v.error.message} /></div> : <VerificationCard v={v.data!} />}
    </Shell>
  );
}

function Lookup() {
  const q = useLookupLicence();
  return (
    <Card size="small" title="凭证照编号查询" style={{ marginTop: 16 }}>
      <Form layout="vertical" onFinish={(v) => q.mutate(v)}>
        <Form.Item name="licenceNo" label="证照编号" rules={[{ required: true, message: '请输入证照编号' }]}><Input /></Form.Item>
        <Form.Item name="idLast4" label="证件号码后4位" rules={[{ required: true, len: 4, message: '请输入4位' }]}><Input maxLength={4} /></Form.Item>
        <Button htmlType="submit" type="primary" loading={q.isPending}>查询</Button>
      </Form>
      {q.error ? <Alert style={{ marginTop: 12 }} type="error" message={q.error.message} /> : null}
      {q.data ? <div style={{ marginTop: 12 }}><VerificationCard v={q.data} /><a href={q.data.verifyPath}>打开核验页面</a></div> : null}
    </Card>
  );
}

export function MyLicencesPage() {
  const { me, loading } = usePublicMe();
  const mine = useMyLicences(me?.id);
  return (
    <Shell title="我的证照">
      {loading ? <Spin /> : me ? (
        <List loading={mine.isLoading} dataSource={mine.data ?? []} locale={{ emptyText: '暂无电子证照' }} data-testid="my-licences"
          renderItem={(l) => (
            <List.Item actions={[<a key="v" href={l.verifyPath}>亮证核验</a>]}>
              <List.Item.Meta title={<>{l.typeName} <Tag color={STATUS_COLORS[l.status]}>{l.statusName}</Tag></>}
                description={<>编号 {l.licenceNo}<br />有效期 {l.validFrom} 至 {l.validTo ?? '长期'}{l.status === 'expiring' ? `（剩余${l.daysLeft}天，请及时办理延续）` : ''}<br />{l.orgName}</>} />
            </List.Item>
          )} />
      ) : <PublicLoginCard title="登录后查看本人（本企业）的电子证照" testId="licences-login" />}
      <Lookup />
    </Shell>
  );
}

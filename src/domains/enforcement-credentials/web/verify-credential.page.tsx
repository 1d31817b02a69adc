/**
 * The public page a card's QR code opens, phone-sized: is this card genuine, and may this officer act
 * today? It shows what the card shows (name, unit, number, validity) plus status and scope — nothing more.
 */
import { useParams } from 'react-router-dom';
import { Alert, Card, Descriptions, Result, Spin, Tag, Typography } from 'antd';
import { useVerifyCredential } from './enforcement-credentials.hooks';

const COLORS: Record<string, string> = { valid: 'green', suspended: 'orange', cancelled: 'red', expired: 'default', renewed: 'default', notYet: 'blue' };

export function VerifyCredentialPage() {
  const { token = '' } = useParams();
  const q = useVerifyCredential(token);
  return (
    <div style={{ maxWidth: 480, margin: '0 auto', padding: 12 }}>
      <Typography.Title level={4}>行政执法证件核验</Typography.Title>
      {q.isLoading ? <Spin /> : null}
      {q.error ? <Alert type="error" showIcon message={q.error.message} /> : null}
      {q.data ? (
        <Card data-testid="verify-result">
          <Result status={q.data.status === 'valid' ? 'success' : 'warning'} style={{ padding: 12 }}
            title={q.data.status === 'valid' ? '证件有效，可依法执法' : `证件${q.data.statusName}，不得从事行政执法`}
            subTitle={`核验日期 ${q.data.checkedOn}`} />
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="证件">{q.data.kindName}</Descriptions.Item>
            <Descriptions.Item label="证号">{q.data.number}</Descriptions.Item>
            <Descriptions.Item label="状态"><Tag color={COLORS[q.data.status]}>{q.data.statusName}</Tag></Descriptions.Item>
            <Descriptions.Item label="持证人">{q.data.name}</Descriptions.Item>
            <Descriptions.Item label="执法单位">{q.data.orgName}</Descriptions.Item>
            <Descriptions.Item label="执法范围">{q.data.scope}</Descriptions.Item>
            <Descriptions.Item label="有效期">{q.data.issuedOn} 至 {q.data.validTo}</Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>如对执法人员的执法行为有异议，可拨打12345政务服务便民热线反映。</Typography.Paragraph>
        </Card>
      ) : null}
    </div>
  );
}

/**
 * 报告数字核对: paste a report or upload .txt/.docx; every share, rate and breakdown is recomputed from
 * the numbers the text itself gives. Public: anyone may check any published report.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Input, Space, Table, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useReportCheck } from './annual-report.hooks';
import type { Claim } from '../shared/report-check';

const STATUS: Record<Claim['status'], [string, string]> = { ok: ['一致', 'green'], mismatch: ['不一致', 'red'], unverifiable: ['无法核对', 'default'] };
const KIND: Record<Claim['kind'], string> = { share: '占比', rate: '比率', sum: '分项合计', percent: '百分比' };

export function ReportCheckPage() {
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const check = useReportCheck((e) => message.error(e.message));
  const claims = check.data?.claims ?? [];
  const bad = claims.filter((c) => c.status === 'mismatch').length;
  return (
    <div style={{ maxWidth: 1000, margin: '24px auto', padding: '0 12px' }}>
      <Typography.Title level={3}>报告数字核对</Typography.Title>
      <Typography.Paragraph type="secondary">找出报告中的占比、比率和分项合计，用报告自身给出的数字重新计算。只有所需数字都在同一句中给出时才判断一致与否，其余标为“无法核对”。</Typography.Paragraph>
      <Card>
        <Input.TextArea rows={8} value={text} onChange={(e) => setText(e.target.value)} placeholder="粘贴报告全文，例如：全年受理行政复议案件29件，直接纠错案件17件，纠错率58.6%。" data-testid="check-text" />
        <Space style={{ marginTop: 12 }}>
          <Button type="primary" disabled={!text.trim()} loading={check.isPending} onClick={() => check.mutate({ text })}>核对</Button>
          <Upload accept=".txt,.docx" showUploadList={false} beforeUpload={async (file) => {
            const buf = new Uint8Array(await file.arrayBuffer());
            let bin = '';
            for (let i = 0; i < buf.length; i += 0x8000) bin += String.fromCharCode(...buf.subarray(i, i + 0x8000));
            check.mutate({ fileName: file.name, contentBase64: btoa(bin) });
            return false;
          }}><Button icon={<UploadOutlined />}>上传 .txt 或 .docx</Button></Upload>
        </Space>
      </Card>
      {check.data ? (
        <Card style={{ marginTop: 16 }} title={`共找到${claims.length}处数字表述`}>
          {bad ? <Alert type="error" showIcon message={`发现${bad}处计算不一致`} style={{ marginBottom: 12 }} /> : <Alert type="success" showIcon message="未发现计算不一致" style={{ marginBottom: 12 }} />}
          <Table rowKey={(_, i) => String(i)} dataSource={claims} pagination={false} data-testid="check-result"
            columns={[
              { title: '原文', dataIndex: 'text' },
              { title: '类型', dataIndex: 'kind', width: 90, render: (k: Claim['kind']) => KIND[k] },
              { title: '报告所述', dataIndex: 'stated', width: 100, render: (v: number, c) => (c.kind === 'sum' ? v : `${v}%`) },
              { title: '重新计算', dataIndex: 'computed', width: 100, render: (v: number | null, c) => (v === null ? '—' : c.kind === 'sum' ? v : `${v.toFixed(2)}%`) },
              { title: '结论', dataIndex: 'status', width: 100, render: (s: Claim['status']) => <Tag color={STATUS[s][1]}>{STATUS[s][0]}</Tag> },
            ]} />
        </Card>
      ) : null}
    </div>
  );
}

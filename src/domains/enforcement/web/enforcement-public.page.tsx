/**
 * Public pages: the firm's phone page opened from the visit's QR code (who is inspecting, their card
 * numbers, the org and purpose, and an anonymous rating), and the 公示 list of enforcement decisions with
 * the inspection caps each org published.
 */
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Input, List, Rate, Result, Spin, Table, Tabs, Typography } from 'antd';
import { usePublicSite } from '../../../core/web/public-site';
import { RATING_LABELS } from '../shared/enforcement.labels';
import { useFirmVisit, usePublicCaps, usePublicDecisions, useRateVisit } from './enforcement.hooks';
import { siteYear } from '../../../core/web/time';

export function FirmVisitPage() {
  const { token = '' } = useParams();
  const v = useFirmVisit(token);
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [thanks, setThanks] = useState(false);
  const rate = useRateVisit(token, { done: () => setThanks(true), failed: () => undefined });
  if (v.isLoading) return <Spin />;
  if (v.error || !v.data) return <Result status="404" title={v.error?.message ?? '检查码无效'} />;
  const d = v.data;
  return (
    <div style={{ maxWidth: 480, margin: '0 auto', padding: 12 }}>
      <Typography.Title level={4} style={{ textAlign: 'center' }}>行政检查核验</Typography.Title>
      <Card size="small" data-testid="visit-info">
        <Descriptions column={1} size="small">
          <Descriptions.Item label="检查机关">{d.orgName}</Descriptions.Item>
          <Descriptions.Item label="被检查企业">{d.firmName}</Descriptions.Item>
          <Descriptions.Item label="检查类型">{d.kind}</Descriptions.Item>
          <Descriptions.Item label="检查事项">{d.purpose}</Descriptions.Item>
          <Descriptions.Item label="检查日期">{d.visitOn}</Descriptions.Item>
          <Descriptions.Item label="年度检查频次">{d.frequency}</Descriptions.Item>
          <Descriptions.Item label="状态">{d.status}</Descriptions.Item>
        </Descriptions>
        <List size="small" header="检查人员（请核对行政执法证）" dataSource={d.officers} data-testid="visit-officers"
          renderItem={(o) => <List.Item>{o.name}　执法证号 {o.credentialNo}</List.Item>} />
      </Card>
      <Card size="small" title="评价本次检查（匿名，不记录评价人）" style={{ marginTop: 12 }} data-testid="visit-rating">
        {thanks || d.rated ? <Result status="success" title="感谢您的评价" subTitle="评价匿名提交，检查机关只能看到评价内容。" /> : d.canRate ? (
          <>
            <Rate value={score} onChange={setScore} tooltips={[1, 2, 3, 4, 5].map((n) => RATING_LABELS[n])} style={{ fontSize: 32 }} />
            <div style={{ margin: '8px 0' }}>{score ? RATING_LABELS[score] : '请选择'}</div>
            <Input.TextArea rows={3} maxLength={500} placeholder="意见建议（选填）" value={comment} onChange={(e) => setComment(e.target.value)} />
            {rate.error ? <Alert type="error" showIcon message={rate.error.message} style={{ marginTop: 8 }} /> : null}
            <Button type="primary" block style={{ marginTop: 12 }} disabled={!score} loading={rate.isPending}
              onClick={() => rate.mutate({ score, ...(comment.trim() ? { comment: comment.trim() } : {}) })}>提交评价</Button>
          </>
        ) : <Typography.Text type="secondary">本次检查未实施，不能评价。</Typography.Text>}
      </Card>
    </div>
  );
}

export function PublicDecisionsPage() {
  const site = usePublicSite();
  const [q, setQ] = useState<string>();
  const [page, setPage] = useState(1);
  const list = usePublicDecisions({ q, page, pageSize: 20 });
  const year = siteYear();
  const caps = usePublicCaps(year);
  return (
    <div style={{ maxWidth: 1100, margin: '0 auto', padding: 12 }}>
      <Typography.Title level={3}>{site?.divisionName ?? ''}行政执法公示</Typography.Title>
      <Tabs items={[
        {
          key: 'decisions', label: '行政执法决定',
          children: (
            <>
              <Input.Search placeholder="当事人、文号或案由" allowClear onSearch={(v) => { setQ(v.trim() || undefined); setPage(1); }} style={{ maxWidth: 360, marginBottom: 12 }} />
              <Typography.Paragraph type="secondary">行政处罚决定自作出之日起7个工作日内公示，其他执法决定20个工作日内公示；决定被撤销的，3个工作日内撤下。当事人为自然人的只显示姓氏。</Typography.Paragraph>
              <Table rowKey="id" size="small" loading={list.isLoading} dataSource={list.data?.items ?? []} data-testid="public-decisions"
                pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
                columns={[
                  { title: '决定文号', dataIndex: 'decisionNo', width: 180 },
                  { title: '执法机关', dataIndex: 'orgName', width: 180 },
                  { title: '当事人', dataIndex: 'party', width: 180 },
                  { title: '案由', dataIndex: 'cause', width: 160 },
                  { title: '决定内容', dataIndex: 'content' },
                  { title: '依据', dataIndex: 'basis', width: 220 },
                  { title: '决定日期', dataIndex: 'decidedOn', width: 110 },
                  { title: '公示日期', dataIndex: 'publishedOn', width: 110 },
                ]} />
            </>
          ),
        },
        {
          key: 'caps', label: `${year}年检查计划和频次上限`,
          children: (
            <Table rowKey="id" size="small" loading={caps.isLoading} dataSource={caps.data?.plans ?? []} pagination={false}
              title={() => `未另行规定的，同一执法机关对同一企业每年检查不超过${caps.data?.defaultCap ?? '—'}次（国办发〔2024〕54号）`}
              columns={[
                { title: '执法机关', dataIndex: 'orgName' }, { title: '计划编号', dataIndex: 'planNo' }, { title: '计划名称', dataIndex: 'name' },
                { title: '类型', dataIndex: 'kind' }, { title: '频次上限（次/年）', dataIndex: 'cap' }, { title: '抽取企业数', dataIndex: 'firms' }, { title: '公布日期', dataIndex: 'publishedOn' },
              ]} />
          ),
        },
      ]} />
    </div>
  );
}

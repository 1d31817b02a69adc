/**
 * 好差评统计 and 评价二维码: ratings by org, site, counter, staff member and item (no rater data ever
 * reaches this page), and the printable QR posters of every site and counter.
 */
import { useState } from 'react';
import { PageContainer } from '@ant-design/pro-components';
import { Button, Card, DatePicker, Space, Table, Tabs, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRatingBreakdown, useRatingSites } from './ratings.hooks';
import { ALL_INDICATORS } from '../shared/ratings.indicators';
import { siteYear, siteTodayDayjs } from '../../../core/web/time';

type Row = { key: string; name: string; total: number; bad: number; satisfactionRate: number | null; fixRate: number | null; realNameFixRate: number | null; scores: Record<string, number> };
type Site = { id: string; name: string; counters: { id: string; name: string }[] };
const BY = [['org', '按单位'], ['site', '按服务场所'], ['counter', '按窗口'], ['staff', '按工作人员'], ['item', '按事项'], ['channel', '按渠道'], ['month', '按月']] as const;
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(2)}%`);

function Breakdown({ by, from, to }: { by: string; from: string; to: string }) {
  const q = useRatingBreakdown({ by: by as 'org', from, to });
  return (
    <Table<Row> rowKey="key" size="small" loading={q.isLoading} dataSource={q.data ?? []} pagination={{ pageSize: 20, hideOnSinglePage: true }} data-testid={`breakdown-${by}`}
      columns={[
        { title: '名称', dataIndex: 'name' },
        { title: '评价数', dataIndex: 'total', align: 'right' },
        { title: '差评数', dataIndex: 'bad', align: 'right' },
        { title: '满意率', dataIndex: 'satisfactionRate', align: 'right', render: pct },
        { title: '差评整改率', dataIndex: 'fixRate', align: 'right', render: pct },
        { title: '实名差评回访整改率', dataIndex: 'realNameFixRate', align: 'right', render: pct },
        { title: '分项评价（平均，满分5）', dataIndex: 'scores', render: (s: Record<string, number>) => Object.keys(ALL_INDICATORS).filter((k) => k !== 'overall' && s[k] !== undefined).map((k) => <Tag key={k}>{ALL_INDICATORS[k]} {s[k].toFixed(2)}</Tag>) },
      ]} />
  );
}

const download = (kind: string, id: string, format: string) => { window.location.href = `/api/ratings/posters/${kind}/${id}/${format}`; };
function PosterButtons({ kind, id }: { kind: 'site' | 'counter'; id: string }) {
  return (
    <Space size="small" wrap>
      <Button size="small" data-testid={`poster-pdf-${id}`} href={`/api/ratings/posters/${kind}/${id}/pdf`} download>海报PDF</Button>
      <Button size="small" data-testid={`poster-png-${id}`} href={`/api/ratings/posters/${kind}/${id}/png`} download>海报PNG</Button>
      <Button size="small" type="link" onClick={() => download(kind, id, 'qr.png')}>二维码图片</Button>
      <Button size="small" type="link" href={`/public/rate/${kind}/${id}`} target="_blank">评价页</Button>
    </Space>
  );
}

export function RatingsPage() {
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs(`${siteYear()}-01-01`), siteTodayDayjs()]);
  const [from, to] = range.map((d) => d.format('YYYY-MM-DD'));
  const sites = useRatingSites();
  return (
    <PageContainer title="好差评" content="各渠道评价按单位、服务场所、窗口、工作人员和事项统计；评价人信息不在此显示。各服务场所和窗口的评价二维码海报可在下方下载打印。">
      <Card title="评价统计" extra={<DatePicker.RangePicker allowClear={false} value={range} onChange={(v) => v && v[0] && v[1] && setRange([v[0], v[1]])} />}>
        <Tabs destroyOnHidden items={BY.map(([by, label]) => ({ key: by, label, children: <Breakdown by={by} from={from} to={to} /> }))} />
      </Card>
      <Card title="评价二维码（每个服务场所、每个窗口）" style={{ marginTop: 16 }}>
        {/* Re-mounted when the sites arrive, so the first site opens with its counters. */}
        <Table<Site> key={sites.data ? 'loaded' : 'loading'} rowKey="id" size="small" loading={sites.isLoading} dataSource={sites.data ?? []} pagination={false}
          expandable={{ defaultExpandedRowKeys: sites.data?.slice(0, 1).map((s) => s.id), expandedRowRender: (s) => (
            <Table rowKey="id" size="small" pagination={false} dataSource={s.counters}
              columns={[{ title: '窗口', dataIndex: 'name' }, { title: '海报', key: 'p', render: (_: unknown, c: { id: string }) => <PosterButtons kind="counter" id={c.id} /> }]} />
          ) }}
          columns={[
            { title: '服务场所', dataIndex: 'name' },
            { title: '窗口数', key: 'n', render: (_: unknown, s) => s.counters.length },
            { title: '场所海报', key: 'p', render: (_: unknown, s) => <PosterButtons kind="site" id={s.id} /> },
          ]} />
      </Card>
    </PageContainer>
  );
}

/**
 * 驾驶舱: the year's key figures, the month-by-month curve and the league table of departments, all
 * from the metrics registry; every bar and row opens the records behind it.
 */
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { PageContainer, ProCard, ProTable, StatisticCard } from '@ant-design/pro-components';
import { InputNumber, Space, Spin, Typography } from 'antd';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { qs } from '../../../core/web/api';
import { formatMetric, isRatio } from '../../../core/shared/metric-units';
import { useDashboard } from './dashboard.hooks';
import { siteYear } from '../../../core/web/time';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(Math.round(v * 10000) / 100).toFixed(2).replace(/\.?0+$/, '')}%`);

export function DashboardPage() {
  const navigate = useNavigate();
  const [year, setYear] = useState(siteYear());
  const q = useDashboard(year, 'application');
  const d = q.data;
  const records = (key: string, extra: Record<string, string | undefined> = {}) =>
    navigate(`/metrics/${key}/records?${qs({ divisionCode: d?.divisionCode, orgId: d?.orgId ?? undefined, from: d?.from, to: d?.to, caseType: d?.caseType, ...extra })}`);
  const card = (key: string, title: string, rate = false) => {
    const m = d?.totals[key];
    if (!m) return null;
    return <StatisticCard key={key} style={{ cursor: 'pointer' }} onClick={() => records(key)} statistic={{ title, value: rate ? pct(m.value) : m.numerator, description: rate && m.denominator !== null ? <Typography.Text type="secondary">{m.numerator}/{m.denominator}</Typography.Text> : null }} />;
  };
  return (
    <PageContainer title="驾驶舱" subTitle={`政务服务办件${d?.orgName ? `（本单位：${d.orgName}）` : ''}（全部数字来自指标库，点击可查看明细记录）`} extra={<Space>年度<InputNumber value={year} min={2019} max={2100} onChange={(v) => v && setYear(v)} /></Space>}>
      {q.isLoading || !d ? <Spin /> : (
        <>
          <StatisticCard.Group style={{ marginBottom: 16 }} data-testid="dash-totals">
            {card('cases.received', '受理办件')}
            {card('cases.completed', '办结办件')}
            {card('cases.onTimeRate', '按时办结率', true)}
            {card('cases.overdue', '超期办件')}
            {card('cases.inProgress', '在办办件')}
            {card('applications.online', '网上办理')}
            {card('ratings.satisfactionRate', '好差评满意率', true)}
            {d.totals['ratings.openFixes'] ? <StatisticCard style={{ cursor: 'pointer' }} onClick={() => records('cases.inProgress', { caseType: 'complaintFix', from: '2019-01-01' })}
              statistic={{ title: '待整改差评', value: d.totals['ratings.openFixes'].numerator, status: d.totals['ratings.openFixes'].numerator > 0 ? 'warning' : 'success' }} /> : null}
          </StatisticCard.Group>
          {d.ruleOfLaw.length ? (
            <ProCard title="法治政府" style={{ marginBottom: 16 }} bodyStyle={{ padding: 0 }}>
              <StatisticCard.Group data-testid="dash-rule-of-law">
                {d.ruleOfLaw.map((m) => (
                  <StatisticCard key={m.key} style={{ cursor: 'pointer' }} onClick={() => records(m.key, { caseType: undefined })}
                    statistic={{ title: m.title, value: m.unit === 'count' ? m.numerator : formatMetric(m), description: isRatio(m.unit) && m.denominator !== null ? <Typography.Text type="secondary">{m.numerator}/{m.denominator}</Typography.Text> : null }} />
                ))}
              </StatisticCard.Group>
            </ProCard>
          ) : null}
          {d.benefits.length ? (
            <ProCard title="惠企政策免申即享" style={{ marginBottom: 16 }} bodyStyle={{ padding: 0 }}>
              <StatisticCard.Group data-testid="dash-benefits">
                {d.benefits.map((m) => (
                  <StatisticCard key={m.key} style={{ cursor: 'pointer' }} onClick={() => records(m.key, { caseType: undefined })}
                    statistic={{ title: m.title, value: m.unit === 'count' ? m.numerator : formatMetric(m), description: isRatio(m.unit) && m.denominator !== null ? <Typography.Text type="secondary">{m.numerator}/{m.denominator}</Typography.Text> : null }} />
                ))}
              </StatisticCard.Group>
            </ProCard>
          ) : null}
          <ProCard title="月度受理、办结和按时办结率" style={{ marginBottom: 16 }}>
            <ReactEChartsCore echarts={echarts} style={{ height: 320 }} notMerge
              onEvents={{ click: (p: { dataIndex: number; seriesName: string }) => {
                const m = d.months[p.dataIndex];
                records(p.seriesName === '办结' ? 'cases.completed' : p.seriesName === '按时办结率' ? 'cases.onTimeRate' : 'cases.received', { from: m.from, to: m.to });
              } }}
              option={{
                tooltip: { trigger: 'axis' }, legend: { data: ['受理', '办结', '按时办结率'] },
                xAxis: { type: 'category', data: d.months.map((m) => m.month.slice(5) + '月') },
                yAxis: [{ type: 'value', name: '件' }, { type: 'value', name: '%', min: 0, max: 100 }],
                series: [
                  { name: '受理', type: 'bar', data: d.months.map((m) => m.received) },
                  { name: '办结', type: 'bar', data: d.months.map((m) => m.completed) },
                  { name: '按时办结率', type: 'line', yAxisIndex: 1, data: d.months.map((m) => (m.onTimeRate === null ? null : Math.round(m.onTimeRate * 10000) / 100)) },
                ],
              }} />
          </ProCard>
          <ProCard title="部门按时办结率排名">
            <ProTable rowKey="orgId" dataSource={d.orgs} search={false} options={false} pagination={false} size="small"
              onRow={(r) => ({ onClick: () => records('cases.received', { orgId: r.orgId }), style: { cursor: 'pointer' } })}
              columns={[
                { title: '排名', render: (_, __, i) => i + 1, width: 60 },
                { title: '部门', dataIndex: 'orgName' },
                { title: '受理', dataIndex: 'received' },
                { title: '按时办结率', dataIndex: 'onTimeRate', render: (_, r) => `${pct(r.onTimeRate)}（${r.onTimeNumerator}/${r.onTimeDenominator}）` },
                { title: '超期', dataIndex: 'overdue', render: (_, r) => (r.overdue ? <a onClick={(e) => { e.stopPropagation(); records('cases.overdue', { orgId: r.orgId }); }}>{r.overdue}</a> : 0) },
              ]} />
          </ProCard>
        </>
      )}
    </PageContainer>
  );
}

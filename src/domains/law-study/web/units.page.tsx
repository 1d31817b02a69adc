/** 各单位参考率、合格率 of one exam, for a leader (their scope) or a unit head (their unit). */
import { useParams } from 'react-router-dom';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Table } from 'antd';
import { useUnitRates } from './law-study.hooks';

const pct = (v: number | null) => (v === null ? '—' : `${v}%`);

export function UnitRatesPage() {
  const { id = '' } = useParams();
  const r = useUnitRates(id);
  const units = r.data?.units ?? [];
  const sum = (k: 'registered' | 'takers' | 'passed') => units.reduce((n, u) => n + u[k], 0);
  return (
    <PageContainer title={r.data ? `${r.data.examTitle}：各单位参考率、合格率` : '各单位参考率、合格率'}>
      {r.error ? <Alert type="error" showIcon message={r.error.message} /> : null}
      <p>参考率＝参加考试人数 ÷ 干部名册在册人数；合格率＝最高分达到合格线（{r.data?.passMark ?? '—'}%）的人数 ÷ 参加考试人数。</p>
      <Table rowKey="orgId" loading={r.isLoading} dataSource={units} pagination={false} data-testid="unit-rates"
        summary={() => (units.length > 1 ? <Table.Summary.Row><Table.Summary.Cell index={0}>合计</Table.Summary.Cell><Table.Summary.Cell index={1}>{sum('registered')}</Table.Summary.Cell><Table.Summary.Cell index={2}>{sum('takers')}</Table.Summary.Cell><Table.Summary.Cell index={3}>{sum('passed')}</Table.Summary.Cell>
          <Table.Summary.Cell index={4}>{pct(sum('registered') ? Math.round((sum('takers') / sum('registered')) * 1000) / 10 : null)}</Table.Summary.Cell><Table.Summary.Cell index={5}>{pct(sum('takers') ? Math.round((sum('passed') / sum('takers')) * 1000) / 10 : null)}</Table.Summary.Cell></Table.Summary.Row> : null)}
        columns={[
          { title: '单位', dataIndex: 'orgName' },
          { title: '在册人数', dataIndex: 'registered' },
          { title: '参考人数', dataIndex: 'takers' },
          { title: '合格人数', dataIndex: 'passed' },
          { title: '参考率', dataIndex: 'participationRate', render: pct, sorter: (a, b) => (a.participationRate ?? -1) - (b.participationRate ?? -1) },
          { title: '合格率', dataIndex: 'passRate', render: pct, sorter: (a, b) => (a.passRate ?? -1) - (b.passRate ?? -1) },
        ]} />
    </PageContainer>
  );
}

import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Descriptions, Radio } from 'antd';
import { useState } from 'react';
import { formatMetric, isRatio } from '../../../core/shared/metric-units';
import { useMetric } from '../../../core/web/kernel.hooks';
import { MetricRecordsTable } from '../../../core/web/metric-records';

/** The records behind any figure: same metric, same query, listed. */
export function MetricRecordsPage() {
  const { key = '' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [which, setWhich] = useState<'numerator' | 'denominator'>('numerator');
  const query = Object.fromEntries(['divisionCode', 'orgId', 'from', 'to', 'caseType'].map((k) => [k, params.get(k) ?? undefined]));
  const m = useMetric(key, query);
  return (
    <PageContainer title={m.data ? `明细：${m.data.label}` : '明细'} onBack={() => navigate(-1)}>
      {m.data ? (
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
          <Descriptions.Item label="口径">{m.data.definition}</Descriptions.Item>
          <Descriptions.Item label="期间">{query.from} 至 {query.to}</Descriptions.Item>
          <Descriptions.Item label="数值">{isRatio(m.data.unit) ? `${formatMetric(m.data)}（${m.data.numerator}/${m.data.denominator ?? '无'}）` : m.data.numerator}</Descriptions.Item>
        </Descriptions>
      ) : null}
      {m.data && isRatio(m.data.unit) ? <Radio.Group style={{ marginBottom: 12 }} value={which} onChange={(e) => setWhich(e.target.value)} options={[{ value: 'numerator', label: '分子记录' }, { value: 'denominator', label: '分母记录' }]} optionType="button" /> : null}
      {m.data ? <MetricRecordsTable metricKey={key} query={query} which={which} kind={m.data.records} note={m.data.recordsNote} expected={which === 'numerator' ? m.data.numerator : m.data.denominator} /> : null}
      {m.error ? <Alert type="error" message={m.error.message} /> : null}
    </PageContainer>
  );
}

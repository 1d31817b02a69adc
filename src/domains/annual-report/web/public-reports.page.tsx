import { fmtDate } from '../../../core/web/time';
import { useParams, Link } from 'react-router-dom';
import { Card, List, Result, Spin, Typography, Button } from 'antd';
import { usePublicReport, usePublicReports } from './annual-report.hooks';
import { PART_NUMERALS, SECTION_NUMERALS } from '../shared/annual-report.templates';

/** The public portal's list of published reports (phone-friendly). */
export function PublicReportsPage() {
  const q = usePublicReports();
  return (
    <div style={{ maxWidth: 900, margin: '24px auto', padding: '0 12px' }}>
      <Typography.Title level={3}>法治政府建设年度报告</Typography.Title>
      <Card>
        <List loading={q.isLoading} dataSource={q.data ?? []} locale={{ emptyText: '暂无已公开的报告' }}
          renderItem={(r) => <List.Item><Link to={`/public/reports/${r.id}`}>{r.title}</Link><span>{r.publishedAt ? fmtDate(r.publishedAt) : null}</span></List.Item>} />
      </Card>
    </div>
  );
}

export function PublicReportPage() {
  const { id = '' } = useParams();
  const q = usePublicReport(id);
  if (q.isLoading) return <Spin />;
  if (!q.data) return <Result status="404" title="报告不存在或尚未公开" />;
  const r = q.data;
  return (
    <div style={{ maxWidth: 820, margin: '24px auto', padding: '0 16px', fontSize: 17, lineHeight: 1.9 }}>
      <Typography.Title level={3} style={{ textAlign: 'center' }}>{r.content.title}</Typography.Title>
      {r.content.parts.map((p, pi) => {
        let si = 0;
        return (
          <div key={p.key}>
            <Typography.Title level={5}>{PART_NUMERALS[pi]}、{p.heading}</Typography.Title>
            {p.sections.flatMap((s) => s.paragraphs.map((x, i) => (
              <p key={x.id} style={{ textIndent: '2em' }}>{i === 0 && s.heading ? <strong>{SECTION_NUMERALS[si++]}{s.heading}。</strong> : null}{x.segments.map((g) => g.text).join('')}</p>
            )))}
          </div>
        );
      })}
      <Button href={`/api/public/annual-reports/${id}/export.docx`}>下载Word版</Button>
    </div>
  );
}

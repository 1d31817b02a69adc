/**
 * The report as it will print, with every generated number clickable: the drawer shows the metric's
 * definition, the query it ran and the records behind it. Narrative paragraphs are edited in place;
 * regeneration refreshes only the data sentences nobody edited.
 */
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { PageContainer, ProCard } from '@ant-design/pro-components';
import { Alert, App, Button, Descriptions, Drawer, Input, Result, Space, Spin, Switch, Tag, Tooltip, Typography } from 'antd';
import type { MetricRef, ReportParagraph } from '../shared/annual-report.schema';
import { PART_NUMERALS, SECTION_NUMERALS } from '../shared/annual-report.templates';
import { useCase } from '../../../core/web/case.hooks';
import { useAnnualReport, useMarkPreliminary, useMetric, useRefreshReport, useRegenerateReport, useSaveParagraph } from './annual-report.hooks';
import { fmtTime } from '../../../core/web/time';
import { StatusTag } from '../../../core/web/status';
import { ActionButtons, CaseTimeline, ClockCards } from '../../../core/web/case-parts';
import { MetricRecordsTable } from '../../../core/web/metric-records';
import { formatMetric, isRatio } from '../../../core/shared/metric-units';

export function AnnualReportEditorPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const report = useAnnualReport(id);
  const kase = useCase(id);
  const [trace, setTrace] = useState<MetricRef | null>(null);
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  const [reason, setReason] = useState('');
  const refresh = useRefreshReport(id);
  const regen = useRegenerateReport(id, { done: () => message.success('数据段落已按最新记录重新生成，人工修改的段落保持不变'), failed: (e) => message.error(e.message) });
  const save = useSaveParagraph(id, { done: () => { message.success('已保存'); setEditing(null); }, failed: (e) => message.error(e.message) });
  const mark = useMarkPreliminary(id, { done: () => message.success('已更新'), failed: (e) => message.error(e.message) });
  if (report.isLoading) return <Spin />;
  if (!report.data) return <Result status="404" title={report.error?.message ?? '报告不存在'} />;
  const r = report.data;
  // A data or 待补充 paragraph typed by hand holds figures no record backs: the server asks why (人工填报).
  const figures = (p: ReportParagraph) => p.kind !== 'narrative' || !!p.manual;
  const startEdit = (p: ReportParagraph) => { setEditing({ id: p.id, text: p.kind === 'pending' ? '' : p.segments.map((s) => s.text).join('') }); setReason(p.manual?.reason ?? ''); };
  const para = (p: ReportParagraph, lead?: string) => (
    <div key={p.id} style={{ position: 'relative' }} data-paragraph={p.id} data-kind={p.kind}>
      {editing?.id === p.id ? (
        <Space direction="vertical" style={{ width: '100%', margin: '8px 0' }}>
          <Input.TextArea aria-label="段落内容" autoSize={{ minRows: 3 }} value={editing.text} onChange={(e) => { const text = e.target.value; setEditing((cur) => cur && { ...cur, text }); }} maxLength={5000} />
          {figures(p) ? (
            <>
              <Alert type="warning" showIcon message="本段数字将作为“人工填报”数据：不再随记录自动更新，在附件中注明填报人和理由，领导审批时须逐项核对。" />
              <Input aria-label="人工填报理由" placeholder="人工填报理由（数据来源，如：据区委办统计）" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
            </>
          ) : null}
          <Space><Button type="primary" loading={save.isPending} onClick={() => save.mutate({ paragraphId: editing.id, body: { text: editing.text, ...(figures(p) ? { reason } : {}), expectedVersion: report.data!.contentVersion } })}>保存</Button><Button onClick={() => setEditing(null)}>取消</Button></Space>
        </Space>
      ) : p.kind === 'pending' ? (
        <p className="gw-p gw-pending" onDoubleClick={() => r.editable && startEdit(p)}>
          {lead ? <span className="gw-h2">{lead}</span> : null}
          <Tag color="gold">待补充</Tag>{p.segments.map((s) => s.text).join('')}
          {r.editable ? <a style={{ marginLeft: 8, fontSize: 12 }} onClick={() => startEdit(p)}>填写</a> : null}
        </p>
      ) : (
        <p className="gw-p" onDoubleClick={() => r.editable && startEdit(p)}>
          {lead ? <span className="gw-h2">{lead}</span> : null}
          {p.segments.map((s, i) => s.metric
            ? <Tooltip key={i} title={`${s.metric.label}：点击查看口径和记录`}><a className="gw-num" onClick={() => setTrace(s.metric!)}>{s.text}</a></Tooltip>
            : <span key={i}>{s.text}</span>)}
          {p.manual
            ? <Tooltip title={`${p.manual.by}于${fmtTime(p.manual.at)}填报，理由：${p.manual.reason}；系统生成原文：${p.manual.original}`}><Tag style={{ marginLeft: 8 }} color="red">人工填报</Tag></Tooltip>
            : p.edited ? <Tag style={{ marginLeft: 8 }} color="orange">人工修改</Tag> : null}
          {r.editable ? <a style={{ marginLeft: 8, fontSize: 12 }} onClick={() => startEdit(p)}>编辑</a> : null}
        </p>
      )}
    </div>
  );
  return (
    <PageContainer title={r.content.title} tags={<><StatusTag name={r.stateName} color={r.state === 'published' ? 'success' : r.state === 'draft' ? 'default' : 'processing'} />{r.preliminary ? <Tag color="purple">阶段性报告</Tag> : null}</>}
      extra={[
        r.editable ? <Button key="regen" loading={regen.isPending} onClick={() => regen.mutate()}>重新生成数据段落</Button> : null,
        <Button key="docx" href={`/api/annual-reports/${id}/export.docx?appendix=1`}>导出Word（附数据来源）</Button>,
        <Button key="pdf" href={`/api/annual-reports/${id}/export.pdf`}>导出PDF</Button>,
        kase.data ? <ActionButtons key="actions" caseId={id} actions={kase.data.actions} onDone={refresh} /> : null,
      ]}>
      <style>{`.gw-doc{font-family:"仿宋_GB2312",FangSong,"Noto Serif CJK SC",serif;font-size:18px;line-height:2;max-width:820px;margin:0 auto}
        .gw-doc h1{font-family:"方正小标宋简体","Noto Serif CJK SC",serif;font-weight:normal;text-align:center;font-size:26px}
        .gw-h1{font-family:黑体,SimHei,"Noto Sans CJK SC",sans-serif;text-indent:2em;margin:0}.gw-h2{font-family:"楷体_GB2312",KaiTi,serif}
        .gw-p{text-indent:2em;margin:0}.gw-pending{color:#8c8c8c;background:#fffbe6;border:1px dashed #faad14}.gw-num{border-bottom:1px dashed #b71c1c;color:#b71c1c}`}</style>
      <ProCard split="vertical">
        <ProCard colSpan="68%">
          {r.returned ? <Alert data-testid="returned" style={{ marginBottom: 16 }} type="error" showIcon message={`报告在“${r.returned.stage}”环节被${r.returned.by}退回（${fmtTime(r.returned.at)}）`} description={`退回理由：${r.returned.reason}`} /> : null}
          {r.editable ? <Alert style={{ marginBottom: 16 }} showIcon message="红色虚线数字由系统记录生成，点击可查看口径和记录；双击或点“编辑”修改段落。标“待补充”的段落系统记录无法生成，不会印入导出和公开的报告，请据实填写或保留空缺。" /> : null}
          {r.manualCount > 0 ? <Alert style={{ marginBottom: 16 }} type="warning" showIcon message={`本报告含${r.manualCount}处人工填报数据（标红“人工填报”），领导审批时须逐项核对确认。`} /> : null}
          {r.editable ? (
            <Space style={{ marginBottom: 16 }}>
              <Switch aria-label="阶段性报告" checked={r.preliminary} loading={mark.isPending} onChange={(v) => mark.mutate(v)} />
              <span>标注为阶段性报告（年度结束前公开的报告须标注，标题注明“阶段性报告”）</span>
            </Space>
          ) : null}
          <div className="gw-doc" data-testid="report-doc">
            <h1>{r.content.title}</h1>
            {r.content.parts.map((p, pi) => {
              let si = 0;
              return (
                <div key={p.key}>
                  <p className="gw-h1">{PART_NUMERALS[pi]}、{p.heading}</p>
                  {p.sections.flatMap((s) => s.paragraphs.map((x, i) => para(x, i === 0 && s.heading ? `${SECTION_NUMERALS[si++]}${s.heading}。` : undefined)))}
                </div>
              );
            })}
          </div>
        </ProCard>
        <ProCard title="办理" direction="column">
          {kase.data ? <><ClockCards clocks={kase.data.clocks} /><div style={{ marginTop: 16 }}><CaseTimeline events={kase.data.events} /></div></> : null}
        </ProCard>
      </ProCard>
      <TraceDrawer metric={trace} onClose={() => setTrace(null)} />
    </PageContainer>
  );
}

function TraceDrawer({ metric, onClose }: { metric: MetricRef | null; onClose: () => void }) {
  const [which, setWhich] = useState<'numerator' | 'denominator'>('numerator');
  const q = metric?.query;
  // Where this figure's records are (cases, registry rows, or elsewhere) is the metric's, asked live.
  const live = useMetric(metric?.key, q);
  return (
    <Drawer open={!!metric} width={760} title={metric ? `数据来源：${metric.label}` : ''} onClose={onClose} destroyOnHidden>
      {metric && q ? (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="指标">{metric.key}</Descriptions.Item>
            <Descriptions.Item label="统计口径">{metric.definition}</Descriptions.Item>
            <Descriptions.Item label="统计范围">区划 {q.divisionCode}{q.orgId ? '（指定机关）' : ''}{q.caseType ? `，类型 ${q.caseType}` : ''}</Descriptions.Item>
            <Descriptions.Item label="统计期间">{q.from} 至 {q.to}</Descriptions.Item>
            <Descriptions.Item label={isRatio(metric.unit) ? '分子 / 分母' : '数值'}>{isRatio(metric.unit) ? `${metric.numerator} / ${metric.denominator}（${formatMetric(metric)}）` : metric.numerator}</Descriptions.Item>
          </Descriptions>
          {isRatio(metric.unit) ? <Space style={{ margin: '16px 0 0' }}><Button type={which === 'numerator' ? 'primary' : 'default'} onClick={() => setWhich('numerator')}>分子记录</Button><Button type={which === 'denominator' ? 'primary' : 'default'} onClick={() => setWhich('denominator')}>分母记录</Button></Space> : null}
          <div style={{ marginTop: 16 }}>{live.data ? <MetricRecordsTable metricKey={metric.key} query={q} which={which} kind={live.data.records} note={live.data.recordsNote} expected={which === 'numerator' ? metric.numerator : metric.denominator} /> : <Spin />}</div>
          <Typography.Paragraph type="secondary">记录列表与报告中的数字使用同一查询，可逐条核对。</Typography.Paragraph>
        </>
      ) : null}
    </Drawer>
  );
}

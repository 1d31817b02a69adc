/**
 * An 办事指南 as the public reads it (also the staff's read-only view of a published version). One
 * column, collapsible sections, large tap targets: it must read well on a phone.
 */
import { Collapse, Descriptions, Empty, List, Space, Tag, Typography } from 'antd';
import type { GuideElements, Site } from '../shared/catalog.schema';
import { MATERIAL_FORMS, MATERIAL_SOURCES, NECESSITY, ONLINE_DEPTH_LABELS, limitText } from '../shared/catalog.labels';

const dash = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));
const yes = (v: boolean | null) => (v === null ? '—' : v ? '是' : '否');

export function ZeroVisitTag({ visits }: { visits: number | null }) {
  if (visits === null) return null;
  return visits === 0 ? <Tag color="green">不见面审批</Tag> : visits === 1 ? <Tag color="blue">最多跑一次</Tag> : <Tag>到现场{visits}次</Tag>;
}

export function GuideView({ g, orgName, sites = [] }: { g: GuideElements; orgName: string; sites?: Site[] }) {
  const items = [
    {
      key: 'basic', label: '基本信息',
      children: (
        <Descriptions column={1} size="small" bordered styles={{ label: { width: '7.5em' } }}>
          <Descriptions.Item label="事项类型">{g.type}</Descriptions.Item>
          <Descriptions.Item label="实施主体">{orgName}</Descriptions.Item>
          <Descriptions.Item label="服务对象">{g.serviceObjects.join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label="办件类型">{dash(g.handlingType)}</Descriptions.Item>
          <Descriptions.Item label="法定办结时限">{g.legalLimit === null ? dash(g.legalLimitNote) : limitText(g.legalLimit, g.legalLimitUnit)}</Descriptions.Item>
          <Descriptions.Item label="承诺办结时限">{limitText(g.promisedLimit, g.promisedLimitUnit)}{g.promisedLimitNote ? `（${g.promisedLimitNote}）` : ''}</Descriptions.Item>
          <Descriptions.Item label="到办事现场次数">{dash(g.visits)}{g.visits ? `　${dash(g.onSiteReason)}` : ''}</Descriptions.Item>
          <Descriptions.Item label="办理形式">{g.handleModes.join('、') || '—'}</Descriptions.Item>
          {g.onlineDepth ? <Descriptions.Item label="网上办理深度">{ONLINE_DEPTH_LABELS[g.onlineDepth]}</Descriptions.Item> : null}
          {g.crossRegionScope ? <Descriptions.Item label="通办范围">{g.crossRegionScope}</Descriptions.Item> : null}
          <Descriptions.Item label="是否收费">{g.charged === null ? '—' : g.charged ? '收费' : '不收费'}</Descriptions.Item>
          <Descriptions.Item label="设定依据">{dash(g.legalBasis)}</Descriptions.Item>
        </Descriptions>
      ),
    },
    { key: 'conditions', label: '受理条件', children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{dash(g.acceptanceConditions)}</Typography.Paragraph> },
    {
      key: 'materials', label: `申请材料（${g.materials.length}项）`,
      children: g.materials.length ? (
        <List size="small" dataSource={g.materials} renderItem={(m, i) => (
          <List.Item>
            <Space direction="vertical" size={0}>
              <span>{i + 1}. {m.name} <Tag color={m.necessity === 'required' ? 'red' : m.necessity === 'deferrable' ? 'orange' : 'default'}>{NECESSITY[m.necessity]}</Tag></span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[m.source ? MATERIAL_SOURCES[m.source] : null, m.form ? MATERIAL_FORMS[m.form] : null, m.copies ? `${m.copies}份` : null, m.note].filter(Boolean).join('；')}
              </Typography.Text>
            </Space>
          </List.Item>
        )} />
      ) : <Empty description="无" />,
    },
    {
      key: 'process', label: '办理流程',
      children: g.process.length ? (
        <List size="small" dataSource={g.process} renderItem={(p, i) => <List.Item><Space direction="vertical" size={0}><strong>{i + 1}. {p.name}</strong>{p.description ? <Typography.Text type="secondary">{p.description}</Typography.Text> : null}</Space></List.Item>} />
      ) : <Empty description="—" />,
    },
    {
      key: 'special', label: '特别程序',
      children: g.specialProcedures === null ? '—' : g.specialProcedures.length === 0 ? '无' : (
        <List size="small" dataSource={g.specialProcedures} renderItem={(s) => <List.Item>{s.name}{s.limit !== null ? `（${limitText(s.limit, s.unit)}）` : ''}{s.note ? `：${s.note}` : ''}</List.Item>} />
      ),
    },
    ...(g.charged ? [{ key: 'fees', label: '收费标准', children: (
      <Space direction="vertical">
        <Typography.Text type="secondary">收费依据：{dash(g.feeBasis)}</Typography.Text>
        {g.fees.map((f) => <div key={f.name}>{f.name}：{f.standard}{f.reducible ? '（可减免）' : ''}</div>)}
      </Space>
    ) }] : []),
    {
      key: 'result', label: '办理结果',
      children: (
        <Descriptions column={1} size="small">
          <Descriptions.Item label="结果名称">{dash(g.resultName)}</Descriptions.Item>
          <Descriptions.Item label="结果类型">{dash(g.resultType)}</Descriptions.Item>
          {g.resultValidity ? <Descriptions.Item label="有效期限">{g.resultValidity}</Descriptions.Item> : null}
          {g.resultSample ? <Descriptions.Item label="结果样本">{/^https?:\/\//.test(g.resultSample) ? <a href={g.resultSample} target="_blank" rel="noreferrer">查看样本</a> : g.resultSample}</Descriptions.Item> : null}
          <Descriptions.Item label="物流快递">{yes(g.logistics)}</Descriptions.Item>
        </Descriptions>
      ),
    },
    {
      key: 'where', label: '办理地点和时间',
      children: (
        <Descriptions column={1} size="small">
          <Descriptions.Item label="办理地点">{dash(g.handlingLocation)}</Descriptions.Item>
          <Descriptions.Item label="办理时间">{dash(g.handlingHours)}</Descriptions.Item>
          {sites.length ? <Descriptions.Item label="就近办理">{sites.map((s) => s.orgName).join('、')}</Descriptions.Item> : null}
          {g.onlineUrl ? <Descriptions.Item label="网上办理"><a href={g.onlineUrl} target="_blank" rel="noreferrer">{g.onlineUrl}</a></Descriptions.Item> : null}
          <Descriptions.Item label="咨询电话">{g.consultPhone ? <a href={`tel:${g.consultPhone}`}>{g.consultPhone}</a> : '—'}</Descriptions.Item>
          <Descriptions.Item label="投诉电话">{g.complaintPhone ? <a href={`tel:${g.complaintPhone}`}>{g.complaintPhone}</a> : '—'}</Descriptions.Item>
        </Descriptions>
      ),
    },
    ...(g.faqs.length ? [{ key: 'faq', label: `常见问题（${g.faqs.length}）`, children: g.faqs.map((f) => <div key={f.question} style={{ marginBottom: 12 }}><strong>问：{f.question}</strong><div>答：{f.answer}</div></div>) }] : []),
  ];
  return <Collapse items={items} defaultActiveKey={['basic', 'conditions', 'materials']} />;
}

/**
 * The guide editor: the draft's national elements on the left, the completeness checklist on the right,
 * recomputed on every keystroke by the same rules the server applies at publication. Only the actions
 * the server offers are shown; a published version without a draft is read-only.
 */
import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { PageContainer, ProCard } from '@ant-design/pro-components';
import { type FormInstance, type RadioGroupProps, Alert, App, Button, Checkbox, Col, Divider, Empty, Form, Input, InputNumber, Modal, Popconfirm, Progress, Radio, Result, Row, Select, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { ApiError, type ApiBody } from '../../../core/web/api';
import { StatusTag } from '../../../core/web/status';
import { fmtTime } from '../../../core/web/time';
import type { GuideElements, ItemDetail, VersionView } from '../shared/catalog.schema';
import { assessGuide, percent } from '../shared/catalog.completeness';
import {
  BODY_NATURES, CROSS_REGION_SCOPES, EXERCISE_LEVELS, HANDLE_MODES, HANDLING_TYPES, ITEM_TYPES, LEGAL_TOPICS, LIMIT_UNITS, MATERIAL_FORMS,
  MATERIAL_SOURCES, NECESSITY, ONLINE_DEPTHS, ONLINE_DEPTH_LABELS, PERSON_TOPICS, POWER_SOURCES, RESULT_TYPES, SERVICE_OBJECTS, VERSION_STATUS_COLOR,
} from '../shared/catalog.labels';
import { useCreateDraft, useCreateItem, useDiscardDraft, useItem, useOptions, usePublishItem, useSaveDraft, useSetSites, useWithdrawItem } from './catalog.hooks';
import { GuideView } from './guide-view';

const opts = (xs: readonly string[]) => xs.map((x) => ({ value: x, label: x }));
const mapOpts = (m: Record<string, string>) => Object.entries(m).map(([value, label]) => ({ value, label }));
type ItemType = ApiBody<'/api/catalog/items'>['elements']['type'];
type FormValues = Omit<GuideElements, 'specialProcedures'> & { spMode: 'unset' | 'none' | 'some'; specialProcedures: NonNullable<GuideElements['specialProcedures']> };

const toForm = (v: GuideElements): FormValues => ({ ...v, spMode: v.specialProcedures === null ? 'unset' : v.specialProcedures.length ? 'some' : 'none', specialProcedures: v.specialProcedures ?? [] });
function toElements(f: FormValues): GuideElements {
  const { spMode, ...rest } = f;
  const named = <T extends { name?: string | null }>(xs: T[] | undefined) => (xs ?? []).filter((x) => x && x.name?.trim());
  return {
    ...rest,
    materials: named(rest.materials), process: named(rest.process), fees: named(rest.fees),
    faqs: (rest.faqs ?? []).filter((x) => x && x.question?.trim()),
    specialProcedures: spMode === 'unset' ? null : spMode === 'none' ? [] : named(f.specialProcedures),
  } as GuideElements;
}
/** A 是/否 element: Form.Item injects id, value and onChange, which must reach the radio group (else nothing saves). */
const YesNo = ({ id, value, onChange }: { id?: string; value?: boolean | null; onChange?: RadioGroupProps['onChange'] }) => (
  <Radio.Group id={id} value={value ?? undefined} onChange={onChange} options={[{ value: true, label: '是' }, { value: false, label: '否' }]} />
);

export function CatalogEditorPage() {
  const { id } = useParams();
  const item = useItem(id);
  if (!id) return null;
  if (item.isLoading) return <Spin />;
  if (!item.data) return <Result status="404" title={item.error?.message ?? '事项不存在或您无权查看'} />;
  // Remount when the version being shown changes (new draft, publication), not on every save.
  return <Editor key={`${item.data.id}:${item.data.draft?.id ?? item.data.latest.id}`} d={item.data} />;
}

function Editor({ d }: { d: ItemDetail }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  const editable = d.actions.includes('edit') && !!d.draft;
  const version: VersionView = d.draft ?? d.published ?? d.latest;
  const [values, setValues] = useState<FormValues>(() => toForm(version));
  const live = useMemo(() => assessGuide({ ...toElements(values), code: d.code, orgId: d.orgId }), [values, d.code, d.orgId]);
  const [withdrawOpen, setWithdrawOpen] = useState(false);
  const [sinkOpen, setSinkOpen] = useState(false);
  const onError = (e: Error) => {
    if (e instanceof ApiError && e.fields.length) (form as FormInstance).setFields(e.fields.map((f) => ({ name: f.path.replace(/^elements\./, '').split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors: [f.message] })));
    message.error(e.message);
  };
  const save = useSaveDraft(d.id, { done: () => message.success('草稿已保存'), failed: onError });
  const draft = () => ({ rev: d.draft!.rev, elements: toElements(form.getFieldsValue(true)) as ApiBody<'/api/catalog/items/{id}/draft', 'put'>['elements'] });
  const publish = usePublishItem(d.id, { done: (r) => message.success(`第${r.published?.versionNo}版已发布`), failed: onError });
  const saveAndPublish = async () => {
    let rev = d.draft!.rev;
    if (form.isFieldsTouched()) rev = (await save.mutateAsync(draft())).draft!.rev;
    publish.mutate(rev);
  };
  const createDraft = useCreateDraft(d.id, { done: (r) => message.success(`已新建第${r.draft?.versionNo}版草稿`), failed: onError });
  const discard = useDiscardDraft(d.id, { done: (r) => { message.success('草稿已放弃'); if (r.itemDeleted) navigate('/catalog'); }, failed: onError });

  const tags = [<StatusTag key="s" name={d.statusName} color={d.status === 'published' ? 'success' : d.status === 'withdrawn' ? 'error' : 'default'} />];
  if (d.draft && d.published) tags.push(<Tag key="r" color="processing">第{d.draft.versionNo}版修订中</Tag>);
  return (
    <PageContainer title={version.name} subTitle={`${d.code}　${d.orgName}`} tags={tags} onBack={() => navigate('/catalog')}
      extra={[
        editable ? <Button key="save" loading={save.isPending} onClick={() => save.mutate(draft())}>保存草稿</Button> : null,
        d.actions.includes('publish') ? (
          <Popconfirm key="pub" title={live.complete ? `发布第${d.draft?.versionNo}版？${d.published ? `第${d.published.versionNo}版将被替代。` : ''}` : '要素尚不完整，发布将被拒绝并列出缺失要素。仍要提交吗？'} okText="发布" cancelText="取消" onConfirm={saveAndPublish}>
            <Button type="primary" loading={publish.isPending} data-testid="publish">发布</Button>
          </Popconfirm>
        ) : null,
        d.actions.includes('createDraft') ? <Button key="new" type="primary" loading={createDraft.isPending} onClick={() => createDraft.mutate()}>新建修订版本</Button> : null,
        d.actions.includes('discardDraft') ? <Popconfirm key="discard" title={d.published || d.versions.length > 1 ? '放弃本次修订的草稿？' : '该事项从未发布，放弃草稿将删除该事项。确定？'} okText="确定" cancelText="取消" onConfirm={() => discard.mutate()}><Button danger>放弃草稿</Button></Popconfirm> : null,
        d.actions.includes('sink') ? <Button key="sink" onClick={() => setSinkOpen(true)}>下沉站点（{d.sites.length}）</Button> : null,
        d.actions.includes('withdraw') ? <Button key="wd" danger onClick={() => setWithdrawOpen(true)}>撤销</Button> : null,
      ]}>
      {d.published && d.draft ? <Alert style={{ marginBottom: 12 }} showIcon message={`公众看到的是第${d.published.versionNo}版；本页编辑的第${d.draft.versionNo}版发布后替代它。已受理的办件仍按其申请时的版本办理。`} /> : null}
      <ProCard split="vertical" gutter={12}>
        <ProCard colSpan={{ xs: 24, lg: 16 }}>
          {editable ? (
            <Form form={form} layout="vertical" initialValues={toForm(version)} onValuesChange={() => setValues(form.getFieldsValue(true))} data-testid="guide-form">
              <GuideFields />
            </Form>
          ) : (
            <>
              {d.status === 'withdrawn' && !d.draft ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`已撤销：${d.latest.withdrawReason ?? ''}`} /> : null}
              <GuideView g={version} orgName={d.orgName} sites={d.sites} />
            </>
          )}
        </ProCard>
        <ProCard colSpan={{ xs: 24, lg: 8 }} title="要素完整度" extra={<Tag color={live.complete ? 'success' : 'warning'}>{live.filled}/{live.total}</Tag>}>
          <Checklist c={editable ? live : version.completeness} />
          <Divider />
          <Typography.Title level={5}>版本</Typography.Title>
          <Timeline items={d.versions.map((v) => ({
            color: VERSION_STATUS_COLOR[v.status] === 'success' ? 'green' : VERSION_STATUS_COLOR[v.status] === 'error' ? 'gray' : 'blue',
            children: <div><strong>第{v.versionNo}版</strong> {v.statusName}<div><Typography.Text type="secondary">{v.publishedAt ? `发布 ${fmtTime(v.publishedAt)}` : `创建 ${fmtTime(v.createdAt)}`}{v.withdrawnAt ? `；撤销 ${fmtTime(v.withdrawnAt)}（${v.withdrawReason ?? ''}）` : ''}</Typography.Text></div></div>,
          }))} />
          {d.sites.length ? <><Divider /><Typography.Title level={5}>下沉站点</Typography.Title>{d.sites.map((s) => <Tag key={s.orgId}>{s.orgName}</Tag>)}</> : null}
        </ProCard>
      </ProCard>
      <WithdrawModal open={withdrawOpen} itemId={d.id} onClose={() => setWithdrawOpen(false)} />
      <SinkModal open={sinkOpen} d={d} onClose={() => setSinkOpen(false)} />
    </PageContainer>
  );
}

export function Checklist({ c }: { c: VersionView['completeness'] }) {
  const groups = [...new Set(c.missing.map((m) => m.group))];
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="checklist">
      <Progress percent={Math.floor(c.score * 1000) / 10} status={c.complete ? 'success' : 'active'} format={() => percent(c.score)} />
      {c.complete ? <Alert type="success" showIcon message="要素齐全，可以发布" /> : <Alert type="warning" showIcon message={`还缺${c.missing.length}项，达到100%方可发布`} />}
      {groups.map((g) => (
        <div key={g}>
          <Typography.Text strong>{g}</Typography.Text>
          <ul style={{ paddingLeft: 18, margin: '4px 0' }}>{c.missing.filter((m) => m.group === g).map((m) => <li key={m.key}><Typography.Text type="danger">{m.message}</Typography.Text></li>)}</ul>
        </div>
      ))}
    </Space>
  );
}

function GuideFields() {
  const form = Form.useFormInstance<FormValues>();
  const spMode = Form.useWatch('spMode', form);
  const charged = Form.useWatch('charged', form);
  const visits = Form.useWatch('visits', form);
  return (
    <>
      <Divider orientation="left">基本信息</Divider>
      <Row gutter={12}>
        <Col xs={24} md={16}><Form.Item name="name" label="事项名称" rules={[{ required: true, message: '请填写事项名称' }]}><Input maxLength={200} /></Form.Item></Col>
        <Col xs={24} md={8}><Form.Item name="type" label="事项类型" rules={[{ required: true }]}><Select options={opts(ITEM_TYPES)} /></Form.Item></Col>
        <Col xs={12} md={8}><Form.Item name="basicCode" label="基本编码"><Input maxLength={64} /></Form.Item></Col>
        <Col xs={12} md={8}><Form.Item name="businessCode" label="业务办理项编码"><Input maxLength={64} /></Form.Item></Col>
        <Col xs={12} md={8}><Form.Item name="powerSource" label="权力来源"><Select allowClear options={opts(POWER_SOURCES)} /></Form.Item></Col>
        <Col xs={12} md={8}><Form.Item name="exerciseLevel" label="行使层级"><Select allowClear options={opts(EXERCISE_LEVELS)} /></Form.Item></Col>
        <Col xs={12} md={8}><Form.Item name="bodyNature" label="实施主体性质"><Select allowClear options={opts(BODY_NATURES)} /></Form.Item></Col>
        <Col xs={12} md={8}><Form.Item name="entrustedOrg" label="委托部门"><Input maxLength={200} /></Form.Item></Col>
        <Col span={24}><Form.Item name="serviceObjects" label="服务对象"><Checkbox.Group options={opts(SERVICE_OBJECTS)} /></Form.Item></Col>
        <Col span={24}><Form.Item name="legalBasis" label="设定依据"><Input.TextArea autoSize={{ minRows: 2 }} maxLength={4000} placeholder="法律法规名称、条款及内容" /></Form.Item></Col>
        <Col span={24}><Form.Item name="acceptanceConditions" label="受理条件"><Input.TextArea autoSize={{ minRows: 2 }} maxLength={4000} /></Form.Item></Col>
      </Row>
      <Divider orientation="left">时限与办件类型</Divider>
      <Row gutter={12}>
        <Col xs={12} md={6}><Form.Item name="legalLimit" label="法定办结时限"><InputNumber min={0} max={3650} style={{ width: '100%' }} /></Form.Item></Col>
        <Col xs={12} md={6}><Form.Item name="legalLimitUnit" label="单位"><Select allowClear options={opts(LIMIT_UNITS)} /></Form.Item></Col>
        <Col xs={24} md={12}><Form.Item name="legalLimitBasis" label="法定时限依据"><Input maxLength={1000} /></Form.Item></Col>
        <Col span={24}><Form.Item name="legalLimitNote" label="法定办结时限说明" tooltip="未设法定时限的，在此说明"><Input maxLength={1000} /></Form.Item></Col>
        <Col xs={12} md={6}><Form.Item name="promisedLimit" label="承诺办结时限" tooltip="即办填0"><InputNumber min={0} max={3650} style={{ width: '100%' }} /></Form.Item></Col>
        <Col xs={12} md={6}><Form.Item name="promisedLimitUnit" label="单位"><Select allowClear options={opts(LIMIT_UNITS)} /></Form.Item></Col>
        <Col xs={24} md={12}><Form.Item name="handlingType" label="办件类型"><Radio.Group options={opts(HANDLING_TYPES)} /></Form.Item></Col>
        <Col span={24}><Form.Item name="promisedLimitNote" label="承诺办结时限说明"><Input maxLength={1000} /></Form.Item></Col>
        <Col span={24}>
          <Form.Item name="spMode" label="特别程序" tooltip="现场核查、听证、专家评审、公示等，所需时间不计入办结时限">
            <Radio.Group options={[{ value: 'unset', label: '未填写' }, { value: 'none', label: '无' }, { value: 'some', label: '有' }]} />
          </Form.Item>
          {spMode === 'some' ? (
            <Form.List name="specialProcedures">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline" wrap>
                      <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '名称' }]}><Input placeholder="名称，如 现场核查" /></Form.Item>
                      <Form.Item name={[f.name, 'limit']}><InputNumber min={0} placeholder="时限" /></Form.Item>
                      <Form.Item name={[f.name, 'unit']}><Select style={{ width: 100 }} allowClear options={opts(LIMIT_UNITS)} placeholder="单位" /></Form.Item>
                      <Form.Item name={[f.name, 'note']}><Input placeholder="说明" /></Form.Item>
                      <MinusCircleOutlined onClick={() => remove(f.name)} />
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', limit: null, unit: null, note: null })}>添加特别程序</Button>
                </>
              )}
            </Form.List>
          ) : null}
        </Col>
      </Row>
      <Divider orientation="left">办理方式</Divider>
      <Row gutter={12}>
        <Col span={24}><Form.Item name="handleModes" label="办理形式"><Checkbox.Group options={opts(HANDLE_MODES)} /></Form.Item></Col>
        <Col xs={12} md={6}><Form.Item name="visits" label="到办事现场次数"><InputNumber min={0} max={9} style={{ width: '100%' }} /></Form.Item></Col>
        <Col xs={12} md={18}><Form.Item name="onSiteReason" label="必须现场办理原因说明" required={!!visits}><Input maxLength={500} /></Form.Item></Col>
        <Col xs={24} md={12}><Form.Item name="handlingLocation" label="办理地点"><Input maxLength={500} /></Form.Item></Col>
        <Col xs={24} md={12}><Form.Item name="handlingHours" label="办理时间"><Input maxLength={500} /></Form.Item></Col>
        <Col xs={12} md={6}><Form.Item name="consultPhone" label="咨询电话"><Input placeholder="0398-2812345" maxLength={40} /></Form.Item></Col>
        <Col xs={12} md={6}><Form.Item name="complaintPhone" label="监督投诉电话"><Input placeholder="0398-12345" maxLength={40} /></Form.Item></Col>
        <Col xs={24} md={12}><Form.Item name="onlineUrl" label="在线办理地址"><Input maxLength={500} /></Form.Item></Col>
        <Col xs={12} md={6}><Form.Item name="ssoIntegrated" label="对接单点登录"><YesNo /></Form.Item></Col>
        <Col xs={12} md={6}><Form.Item name="inHall" label="进驻政务大厅"><YesNo /></Form.Item></Col>
        <Col xs={12} md={6}><Form.Item name="online" label="是否网办"><YesNo /></Form.Item></Col>
        <Col xs={12} md={6}><Form.Item name="logistics" label="物流快递"><YesNo /></Form.Item></Col>
        <Col xs={12} md={6}><Form.Item name="appointment" label="支持预约"><YesNo /></Form.Item></Col>
        <Col xs={12} md={6}><Form.Item name="selfService" label="自助终端"><YesNo /></Form.Item></Col>
        <Col xs={24} md={12}><Form.Item name="onlineDepth" label="网上办理深度"><Select allowClear options={ONLINE_DEPTHS.map((v) => ({ value: v, label: ONLINE_DEPTH_LABELS[v] }))} /></Form.Item></Col>
        <Col xs={12} md={6}><Form.Item name="crossRegionScope" label="通办范围"><Select allowClear options={opts(CROSS_REGION_SCOPES)} /></Form.Item></Col>
        <Col xs={12} md={6}><Form.Item name="quantityLimit" label="数量限制"><Input maxLength={500} /></Form.Item></Col>
      </Row>
      <Divider orientation="left">申请材料</Divider>
      <Form.List name="materials">
        {(fields, { add, remove, move }) => (
          <>
            {fields.map((f, i) => (
              <Space key={f.key} align="baseline" wrap style={{ display: 'flex' }}>
                <Typography.Text type="secondary">{i + 1}.</Typography.Text>
                <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '请填写材料名称' }]}><Input placeholder="材料名称" style={{ width: 260 }} maxLength={200} /></Form.Item>
                <Form.Item name={[f.name, 'necessity']} rules={[{ required: true, message: '必要性' }]}><Select style={{ width: 110 }} options={mapOpts(NECESSITY)} placeholder="必要性" /></Form.Item>
                <Form.Item name={[f.name, 'source']}><Select style={{ width: 130 }} allowClear options={mapOpts(MATERIAL_SOURCES)} placeholder="来源渠道" /></Form.Item>
                <Form.Item name={[f.name, 'form']}><Select style={{ width: 110 }} allowClear options={mapOpts(MATERIAL_FORMS)} placeholder="形式" /></Form.Item>
                <Form.Item name={[f.name, 'copies']}><InputNumber min={0} max={99} placeholder="份数" /></Form.Item>
                <Form.Item name={[f.name, 'note']}><Input placeholder="填报须知" maxLength={500} /></Form.Item>
                {i > 0 ? <a onClick={() => move(i, i - 1)}>上移</a> : null}
                <MinusCircleOutlined onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', necessity: 'required', source: null, form: null, copies: null, note: null })}>添加材料</Button>
          </>
        )}
      </Form.List>
      <Divider orientation="left">办理流程</Divider>
      <Form.List name="process">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Space key={f.key} align="baseline" wrap style={{ display: 'flex' }}>
                <Typography.Text type="secondary">{i + 1}.</Typography.Text>
                <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '环节名称' }]}><Input placeholder="环节，如 受理" style={{ width: 140 }} maxLength={50} /></Form.Item>
                <Form.Item name={[f.name, 'description']}><Input placeholder="环节说明" style={{ width: 420 }} maxLength={1000} /></Form.Item>
                <MinusCircleOutlined onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', description: null })}>添加环节</Button>
          </>
        )}
      </Form.List>
      <Divider orientation="left">收费</Divider>
      <Row gutter={12}>
        <Col xs={12} md={6}><Form.Item name="charged" label="是否收费"><YesNo /></Form.Item></Col>
        <Col xs={12} md={6}><Form.Item name="onlinePayment" label="网上支付"><YesNo /></Form.Item></Col>
        {charged ? <Col xs={24} md={12}><Form.Item name="feeBasis" label="收费依据"><Input maxLength={1000} /></Form.Item></Col> : null}
      </Row>
      {charged ? (
        <Form.List name="fees">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '项目名称' }]}><Input placeholder="收费项目" /></Form.Item>
                  <Form.Item name={[f.name, 'standard']} rules={[{ required: true, message: '收费标准' }]}><Input placeholder="收费标准，如 20元/本" /></Form.Item>
                  <Form.Item name={[f.name, 'basis']}><Input placeholder="依据" /></Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', standard: '', basis: null, reducible: null, reductionBasis: null })}>添加收费项目</Button>
            </>
          )}
        </Form.List>
      ) : null}
      <Divider orientation="left">办理结果</Divider>
      <Row gutter={12}>
        <Col xs={12} md={8}><Form.Item name="resultType" label="审批结果类型"><Select allowClear options={opts(RESULT_TYPES)} /></Form.Item></Col>
        <Col xs={12} md={16}><Form.Item name="resultName" label="审批结果名称"><Input maxLength={200} /></Form.Item></Col>
        <Col xs={24} md={12}><Form.Item name="resultSample" label="审批结果样本" tooltip="样本文件地址或名称"><Input maxLength={500} /></Form.Item></Col>
        <Col xs={24} md={12}><Form.Item name="resultValidity" label="有效期限"><Input maxLength={500} /></Form.Item></Col>
      </Row>
      <Divider orientation="left">常见问题</Divider>
      <Form.List name="faqs">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="start" style={{ display: 'flex' }}>
                <Form.Item name={[f.name, 'question']} rules={[{ required: true, message: '问题' }]}><Input placeholder="问题" style={{ width: 240 }} maxLength={300} /></Form.Item>
                <Form.Item name={[f.name, 'answer']} rules={[{ required: true, message: '答案' }]}><Input.TextArea placeholder="答案" autoSize style={{ width: 400 }} maxLength={2000} /></Form.Item>
                <MinusCircleOutlined onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ question: '', answer: '' })}>添加常见问题</Button>
          </>
        )}
      </Form.List>
      <Divider orientation="left">其他</Divider>
      <Row gutter={12}>
        <Col xs={24} md={12}><Form.Item name="topicsPerson" label="面向自然人主题分类"><Select mode="tags" options={opts(PERSON_TOPICS)} /></Form.Item></Col>
        <Col xs={24} md={12}><Form.Item name="topicsLegal" label="面向法人主题分类"><Select mode="tags" options={opts(LEGAL_TOPICS)} /></Form.Item></Col>
        <Col xs={24} md={12}><Form.Item name="bundles" label="所属“一件事”"><Select mode="tags" /></Form.Item></Col>
        <Col xs={24} md={12}><Form.Item name="keywords" label="检索关键词" tooltip="群众常用的说法，如“社保卡”"><Select mode="tags" /></Form.Item></Col>
        <Col xs={24} md={12}><Form.Item name="intermediaryServices" label="中介服务"><Input maxLength={1000} /></Form.Item></Col>
        <Col xs={24} md={12}><Form.Item name="jointOrgs" label="联办机构"><Input maxLength={500} /></Form.Item></Col>
        <Col span={24}><Form.Item name="notes" label="备注（不对外公开）"><Input.TextArea autoSize maxLength={2000} /></Form.Item></Col>
      </Row>
    </>
  );
}

function WithdrawModal({ open, itemId, onClose }: { open: boolean; itemId: string; onClose: () => void }) {
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const run = useWithdrawItem(itemId, { done: () => { message.success('已撤销'); onClose(); }, failed: (e) => message.error(e.message) });
  return (
    <Modal open={open} title="撤销事项" okText="撤销" okButtonProps={{ danger: true, disabled: reason.trim().length < 2 }} cancelText="取消" confirmLoading={run.isPending} onOk={() => run.mutate(reason)} onCancel={() => onClose()}>
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="撤销后公众将看不到该事项，也不能再申请；已受理的办件不受影响。" />
      <Input.TextArea placeholder="撤销原因" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
    </Modal>
  );
}

function SinkModal({ open, d, onClose }: { open: boolean; d: ItemDetail; onClose: () => void }) {
  const { message } = App.useApp();
  const options = useOptions();
  const [chosen, setChosen] = useState<string[]>(d.sites.map((s) => s.orgId));
  const run = useSetSites(d.id, { done: () => { message.success('下沉站点已更新'); onClose(); }, failed: (e) => message.error(e.message) });
  const sites = (options.data?.sites ?? []).filter((s) => s.divisionCode.startsWith(d.divisionCode));
  return (
    <Modal open={open} title="下沉到便民服务站点" okText="保存" cancelText="取消" confirmLoading={run.isPending} onOk={() => run.mutate(chosen)} onCancel={() => onClose()}>
      <Typography.Paragraph type="secondary">选中的乡镇（街道）、村（社区）便民服务站点可受理本事项。</Typography.Paragraph>
      {sites.length ? <Checkbox.Group value={chosen} onChange={(v) => setChosen(v as string[])} options={sites.map((s) => ({ value: s.orgId, label: `${s.orgName}` }))} style={{ display: 'grid', gap: 6 }} /> : <Empty description="本区划下没有便民服务站点" />}
    </Modal>
  );
}

/** 新增事项: org, name, type; the rest is filled in the editor. */
export function CatalogNewPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const options = useOptions();
  const [form] = Form.useForm();
  const create = useCreateItem({
    done: (r) => { message.success('已创建第1版草稿'); navigate(`/catalog/items/${r.id}`); },
    failed: (e) => { if (e instanceof ApiError) form.setFields(e.fields.map((f) => ({ name: f.path.replace(/^elements\./, ''), errors: [f.message] }))); message.error(e.message); },
  });

  if (options.isLoading) return <Spin />;
  return (
    <PageContainer title="新增事项" onBack={() => navigate('/catalog')}>
      <ProCard style={{ maxWidth: 640 }}>
        <Form form={form} layout="vertical" onFinish={(v: { orgId: string; code?: string; name: string; type: ItemType }) => create.mutate({ orgId: v.orgId, code: v.code || undefined, elements: { name: v.name, type: v.type } })} initialValues={{ orgId: options.data?.orgs[0]?.id, type: '行政许可' }}>
          <Form.Item name="orgId" label="实施主体" rules={[{ required: true, message: '请选择实施主体' }]}><Select options={(options.data?.orgs ?? []).map((o) => ({ value: o.id, label: o.name }))} loading={options.isLoading} /></Form.Item>
          <Form.Item name="name" label="事项名称" rules={[{ required: true, message: '请填写事项名称' }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="type" label="事项类型" rules={[{ required: true }]}><Select options={opts(ITEM_TYPES)} /></Form.Item>
          <Form.Item name="code" label="实施编码" tooltip="留空由系统按区划自动编码"><Input maxLength={40} /></Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>创建草稿</Button>
        </Form>
      </ProCard>
    </PageContainer>
  );
}

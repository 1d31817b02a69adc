/** Staff pages: the 一件事 window's intake, the list of bundles, and one bundle with its departments. */
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { PageContainer, ProCard } from '@ant-design/pro-components';
import { App, Button, Form, Input, Radio, Select, Switch } from 'antd';
import { ApiError } from '../../../core/web/api';
import { useCase } from '../../../core/web/case.hooks';
import { useBundleDefinitions, useBundleProgress, useCounters, useFileBundle } from './bundles.hooks';
import { CaseListPage } from '../../../core/web/case-list';
import { bundleList } from './bundles.lists';
import { CaseTimeline } from '../../../core/web/case-parts';
import { BundleFields, BundleMaterials, formValues, materialsBody, useMaterialChoice } from './bundle-form';
import { BundleProgressView } from './bundle-progress';

export function BundleListPage() {
  return <CaseListPage list={bundleList} />;
}

export function BundleIntakePage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const defs = useBundleDefinitions();
  const counters = useCounters();
  const [code, setCode] = useState<string>();
  const def = defs.data?.find((d) => d.code === code);
  const { choice, set } = useMaterialChoice();
  const [key] = useState(() => crypto.randomUUID());
  const file = useFileBundle({
    done: (r) => { message.success(`已受理，编号 ${r.refNo}，已分送各部门`); navigate(`/bundles/${r.id}`); },
    failed: (e) => { if (e instanceof ApiError) form.setFields(e.fields.map((f) => ({ name: f.path.split('.'), errors: [f.message] }))); message.error(e.message); },
  });
  const submit = async () => {
    const v = await form.validateFields();
    file.mutate({
      definitionCode: def!.code, counterId: v.counterId, assisted: v.assisted ?? false, idempotencyKey: key,
      applicant: { kind: def!.applicantKind, name: v.name, idNumber: v.idNumber, phone: v.phone },
      form: formValues(def!, v.form), materials: materialsBody(def!, choice),
    });
  };
  return (
    <PageContainer title="“一件事”受理" subTitle="一张表单、一套材料，受理后分送各部门同步办理">
      <ProCard direction="column" gutter={[0, 12]}>
        <ProCard>
          <Select style={{ width: 360 }} placeholder="选择“一件事”" value={code} onChange={setCode} data-testid="bundle-select"
            options={(defs.data ?? []).map((d) => ({ value: d.code, label: d.available ? d.name : `${d.name}（暂未开通）`, disabled: !d.available }))} />
        </ProCard>
        {def ? (
          <ProCard split="vertical">
            <ProCard colSpan="55%" title="申请人与表单">
              <Form form={form} layout="vertical">
                <Form.Item name="counterId" label="受理窗口"><Select allowClear options={(counters.data ?? []).map((c) => ({ value: c.id, label: c.name }))} /></Form.Item>
                <Form.Item name="name" label={def.applicantKind === 'person' ? '申请人姓名' : '企业名称'} rules={[{ required: true, message: '请填写申请人' }]}><Input /></Form.Item>
                <Form.Item name="idNumber" label={def.applicantKind === 'person' ? '身份证号' : '统一社会信用代码'} rules={[{ required: true, len: 18, message: '证件号码应为18位' }]}><Input maxLength={18} /></Form.Item>
                <Form.Item name="phone" label="联系电话" rules={[{ required: true, pattern: /^1\d{10}$/, message: '手机号码应为11位数字' }]}><Input maxLength={11} /></Form.Item>
                <Form.Item name="assisted" label="帮办代办" valuePropName="checked"><Switch /></Form.Item>
                <Radio.Group value={def.applicantKind} disabled options={[{ value: 'person', label: '个人' }, { value: 'enterprise', label: '企业' }]} style={{ marginBottom: 12 }} />
                <BundleFields def={def} />
              </Form>
            </ProCard>
            <ProCard title="材料（每种一次）">
              <BundleMaterials def={def} choice={choice} onChange={set} counter idNumber={() => form.getFieldValue('idNumber')} />
              <Button style={{ marginTop: 16 }} type="primary" size="large" onClick={submit} loading={file.isPending} data-testid="bundle-intake-submit">受理并分送各部门</Button>
            </ProCard>
          </ProCard>
        ) : null}
      </ProCard>
    </PageContainer>
  );
}

export function BundleDetailPage() {
  const { id } = useParams();
  const p = useBundleProgress(id!);
  const detail = useCase(id!);
  return (
    <PageContainer title={p.data?.definitionName ?? '“一件事”'}>
      <ProCard split="vertical">
        <ProCard colSpan="60%">{p.data ? <BundleProgressView p={p.data} staffLinks /> : null}</ProCard>
        <ProCard title="表单与办理记录">
          {detail.data?.fields.map((f) => <div key={f.label}><b>{f.label}：</b>{f.value}</div>)}
          <div style={{ marginTop: 12 }}>{detail.data ? <CaseTimeline events={detail.data.events} /> : null}</div>
        </ProCard>
      </ProCard>
    </PageContainer>
  );
}

/**
 * 窗口收件: pick the item (any item at a 无差别全科受理 counter), enter the applicant, tick the materials
 * received or scan them in (uploaded files are checked by content on the server); an unticked material
 * the guide lets be handed in later is recorded as 容缺后补, other missing ones are left to the
 * department's 一次性告知补正 at acceptance. Record 帮办代办, file. The case then appears in the item org's
 * 工作台 with its acceptance clock running.
 */
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { PageContainer, ProCard } from '@ant-design/pro-components';
import { App, Button, Checkbox, Descriptions, Form, Input, Radio, Select, Space, Switch, Tag, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { ApiError } from '../../../core/web/api';
import { type Material, uploadMaterial, useCounters, useFileApplication, useGuide, useServiceItems } from './applications.hooks';

export function CounterIntakePage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const items = useServiceItems();
  const counters = useCounters();
  const [itemId, setItemIdRaw] = useState<string>();
  const setItemId = (v: string) => { setItemIdRaw(v); setFiles({}); form.setFieldValue('materials', []); };
  const item = useMemo(() => items.data?.find((i) => i.id === itemId), [items.data, itemId]);
  const guide = useGuide(itemId);
  const [files, setFiles] = useState<Record<string, { id: string; fileName: string }>>({});
  const upload = async (name: string, f: File) => {
    try {
      const r = await uploadMaterial(f, name, form.getFieldValue('idNumber'));
      setFiles((x) => ({ ...x, [name]: { id: r.id, fileName: r.fileName } }));
      message.success(`已上传：${name}`);
    } catch (e) { message.error((e as Error).message); }
    return false;
  };
  const [key] = useState(() => crypto.randomUUID());
  const file = useFileApplication({
    done: (r) => { message.success(`已收件，办件编号 ${r.refNo}`); navigate(`/cases/${r.id}`); },
    failed: (e) => { if (e instanceof ApiError) form.setFields(e.fields.map((f) => ({ name: f.path.split('.'), errors: [f.message] }))); message.error(e.message); },
  });
  const submit = async () => {
    const v = await form.validateFields();
    const got: string[] = v.materials ?? [];
    file.mutate({
      itemId: itemId!, counterId: v.counterId, assisted: v.assisted ?? false, idempotencyKey: key,
      applicant: { kind: v.kind, name: v.name, idNumber: v.idNumber, phone: v.phone },
      materials: (guide.data?.materials ?? []).flatMap<Material>((m) => {
        if (files[m.name]) return [{ name: m.name, provided: true, fileId: files[m.name].id }];
        if (got.includes(m.name)) return [{ name: m.name, provided: true }];
        return m.necessity === 'deferrable' ? [{ name: m.name, provided: false }] : [];
      }),
    });
  };
  return (
    <PageContainer title="窗口收件" subTitle="无差别全科受理：任一事项均可收件，系统按事项分送承办部门">
      <ProCard split="vertical">
        <ProCard colSpan="55%">
          <Form form={form} layout="vertical" initialValues={{ kind: 'person', assisted: false }}>
            <Form.Item label="办理事项" required>
              <Select showSearch placeholder="输入事项名称，如 营业执照、食品经营" optionFilterProp="label" value={itemId} onChange={setItemId} data-testid="item-select"
                options={(items.data ?? []).filter((i) => i.status === 'published').map((i) => ({ value: i.id, label: `${i.name}（${i.orgName}）` }))} />
            </Form.Item>
            <Form.Item name="counterId" label="受理窗口"><Select allowClear options={(counters.data ?? []).map((c) => ({ value: c.id, label: c.name }))} /></Form.Item>
            <Form.Item name="kind" label="申请人类型"><Radio.Group options={[{ value: 'person', label: '个人' }, { value: 'enterprise', label: '企业' }]} /></Form.Item>
            <Form.Item name="name" label="申请人" rules={[{ required: true, message: '请填写申请人' }]}><Input maxLength={100} /></Form.Item>
            <Form.Item name="idNumber" label="身份证号或统一社会信用代码" rules={[{ required: true, len: 18, message: '证件号码应为18位' }]}><Input maxLength={18} /></Form.Item>
            <Form.Item name="phone" label="联系电话" rules={[{ required: true, pattern: /^1\d{10}$/, message: '手机号码应为11位数字' }]}><Input maxLength={11} /></Form.Item>
            <Form.Item name="materials" label="已收材料（必要材料须收齐；未勾选的可容缺材料按容缺后补登记）">
              <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
                {(guide.data?.materials ?? []).map((m) => (
                  <Space key={m.name} wrap>
                    <Checkbox value={m.name}>{m.name}</Checkbox>
                    {m.necessity === 'deferrable' ? <Tag color="gold">可容缺后补</Tag> : m.necessity === 'optional' ? <Tag>非必要</Tag> : null}
                    <Upload showUploadList={false} beforeUpload={(f) => upload(m.name, f)} accept=".pdf,.jpg,.jpeg,.png,.ofd">
                      <Button size="small" icon={<UploadOutlined />}>{files[m.name] ? `已上传 ${files[m.name].fileName}` : '扫描件上传'}</Button>
                    </Upload>
                  </Space>
                ))}
              </Checkbox.Group>
            </Form.Item>
            <Form.Item name="assisted" label="帮办代办" valuePropName="checked"><Switch /></Form.Item>
            <Button type="primary" disabled={!itemId} loading={file.isPending} onClick={submit}>收件</Button>
          </Form>
        </ProCard>
        <ProCard title="办事指南">
          {item ? (
            <Descriptions column={1} size="small">
              <Descriptions.Item label="事项类型"><Tag>{item.type}</Tag></Descriptions.Item>
              <Descriptions.Item label="实施机关">{item.orgName}</Descriptions.Item>
              <Descriptions.Item label="法定时限">{item.legalLimit === null ? '—' : `${item.legalLimit}${item.legalLimitUnit === '日' ? '日' : '个工作日'}`}</Descriptions.Item>
              <Descriptions.Item label="承诺时限">{item.promisedLimit === null ? '—' : item.promisedLimit === 0 ? '即办' : `${item.promisedLimit}个工作日`}</Descriptions.Item>
              <Descriptions.Item label="到现场次数">{item.visits}次{item.visits === 0 ? '（不见面审批）' : ''}</Descriptions.Item>
              <Descriptions.Item label="设定依据">{item.legalBasis ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="办理结果">{item.result ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="申请材料">{item.materials.join('；')}</Descriptions.Item>
            </Descriptions>
          ) : '请选择事项'}
        </ProCard>
      </ProCard>
    </PageContainer>
  );
}

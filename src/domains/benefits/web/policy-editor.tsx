/**
 * The structured editor of a policy's eligibility rule and amount (no raw JSON): nested groups of
 * conditions (全部满足 / 满足其一 / 不满足), each condition a register fact (or a ratio of two, or an age)
 * compared with a threshold typed by the fact (元 for money, % for ratios, 当年/上年度 for years), and the
 * amount as a fixed sum, per unit with a cap, a percentage, bands, or cases. Values are shown in 元 and
 * stored in fen.
 */
import { Button, Card, Checkbox, Input, InputNumber, Select, Space, Tooltip, Typography } from 'antd';
import { FACTS, FACT_BY_KEY, FACT_SOURCES } from '../shared/benefits.facts';
import { type Amount, type Condition, isCondition, type Left, OP_LABELS, OPS, type Rule, type Value } from '../shared/benefits.rule';
import { siteYear } from '../../../core/web/time';

const factOptions = (subject: 'enterprise' | 'person') => FACTS.filter((f) => f.subject === subject).map((f) => ({ value: f.key, label: `${f.label}（${FACT_SOURCES[f.source]}）` }));
const moneyOptions = (subject: 'enterprise' | 'person') => FACTS.filter((f) => f.subject === subject && (f.type === 'money' || f.type === 'number')).map((f) => ({ value: f.key, label: f.label }));
const toYuan = (fen: number | undefined) => (fen === undefined ? undefined : fen / 100);
const toFen = (yuan: number | null) => Math.round((yuan ?? 0) * 100);
const leftFact = (l: Left) => (l.kind === 'ratio' ? l.num : l.fact);

function ValueInput({ c, onChange }: { c: Condition; onChange: (v: Value) => void }) {
  const def = FACT_BY_KEY.get(leftFact(c.left));
  const v = c.value;
  if (c.left.kind === 'ratio') return <InputNumber aria-label="阈值" addonAfter="%" value={typeof v === 'number' ? Math.round(v * 10000) / 100 : undefined} onChange={(x) => onChange((x ?? 0) / 100)} />;
  if (c.left.kind === 'age') return <InputNumber aria-label="阈值" addonAfter="周岁" value={typeof v === 'number' ? v : undefined} onChange={(x) => onChange(x ?? 0)} />;
  if (!def) return null;
  if (def.type === 'boolean') return <Select aria-label="阈值" style={{ width: 90 }} value={v === true ? 'true' : 'false'} onChange={(x) => onChange(x === 'true')} options={[{ value: 'true', label: '是' }, { value: 'false', label: '否' }]} />;
  if (def.type === 'money') return <InputNumber aria-label="阈值" addonAfter="元" value={typeof v === 'number' ? v / 100 : undefined} onChange={(x) => onChange(toFen(x))} />;
  if (def.type === 'year') {
    const rel = typeof v === 'object' && v !== null && !Array.isArray(v) ? v.snapshotYear : null;
    return <Select aria-label="阈值" style={{ width: 140 }} value={rel ?? 'abs'} onChange={(x) => onChange(x === 'abs' ? siteYear() : { snapshotYear: Number(x) })}
      options={[{ value: 0, label: '比对基准日当年' }, { value: -1, label: '上年度' }, { value: -2, label: '前年' }]} />;
  }
  if (def.options) {
    return c.op === 'in'
      ? <Select aria-label="阈值" mode="multiple" style={{ minWidth: 160 }} value={Array.isArray(v) ? v : []} onChange={(x: string[]) => onChange(x)} options={def.options.map((o) => ({ value: o, label: o }))} />
      : <Select aria-label="阈值" style={{ width: 120 }} value={typeof v === 'string' ? v : undefined} onChange={(x: string) => onChange(x)} options={def.options.map((o) => ({ value: o, label: o }))} />;
  }
  if (def.type === 'number') return <InputNumber aria-label="阈值" addonAfter={def.unit} value={typeof v === 'number' ? v : undefined} onChange={(x) => onChange(x ?? 0)} />;
  return <Input aria-label="阈值" style={{ width: 140 }} value={String(v)} onChange={(e) => onChange(e.target.value)} />;
}

function defaultValue(fact: string): Value {
  const d = FACT_BY_KEY.get(fact);
  if (!d) return 0;
  if (d.type === 'boolean') return true;
  if (d.type === 'year') return { snapshotYear: -1 };
  if (d.options) return d.options[0];
  return 0;
}

export function ConditionRow({ c, subject, onChange, onRemove }: { c: Condition; subject: 'enterprise' | 'person'; onChange: (c: Condition) => void; onRemove?: () => void }) {
  const facts = factOptions(subject);
  const setLeft = (l: Left) => onChange({ ...c, left: l, value: l.kind === 'fact' ? defaultValue(l.fact) : l.kind === 'ratio' ? 0.05 : 80 });
  return (
    <Space wrap data-testid="condition-row" style={{ marginBottom: 6 }}>
      <Input aria-label="条件说明" placeholder="条件说明（告知企业时使用）" style={{ width: 220 }} value={c.label} onChange={(e) => onChange({ ...c, label: e.target.value })} />
      <Select aria-label="比较对象" style={{ width: 96 }} value={c.left.kind} onChange={(k: Left['kind']) => setLeft(k === 'ratio' ? { kind: 'ratio', num: leftFact(c.left), den: leftFact(c.left) } : { kind: k, fact: leftFact(c.left) } as Left)}
        options={[{ value: 'fact', label: '数据项' }, { value: 'ratio', label: '比值' }, { value: 'age', label: '年龄' }]} />
      {c.left.kind === 'ratio' ? (
        <>
          <Select aria-label="分子" showSearch optionFilterProp="label" style={{ width: 220 }} value={c.left.num} onChange={(k: string) => onChange({ ...c, left: { ...(c.left as { kind: 'ratio'; num: string; den: string }), num: k } })} options={facts} />
          <span>÷</span>
          <Select aria-label="分母" showSearch optionFilterProp="label" style={{ width: 220 }} value={c.left.den} onChange={(k: string) => onChange({ ...c, left: { ...(c.left as { kind: 'ratio'; num: string; den: string }), den: k } })} options={facts} />
        </>
      ) : (
        <Select aria-label="数据项" showSearch optionFilterProp="label" style={{ width: 260 }} value={c.left.fact} onChange={(k: string) => setLeft({ kind: c.left.kind as 'fact', fact: k })} options={facts} />
      )}
      <Select aria-label="比较方式" style={{ width: 100 }} value={c.op} onChange={(op: Condition['op']) => onChange({ ...c, op, value: op === 'in' ? [] : Array.isArray(c.value) ? defaultValue(leftFact(c.left)) : c.value })} options={OPS.map((o) => ({ value: o, label: OP_LABELS[o] }))} />
      <ValueInput c={c} onChange={(value) => onChange({ ...c, value })} />
      <Tooltip title="前提条件（如是否在认定名单内）不满足的，不作为“差一项条件”提示企业">
        <Checkbox checked={!!c.gate} onChange={(e) => onChange({ ...c, gate: e.target.checked || undefined })}>前提条件</Checkbox>
      </Tooltip>
      {onRemove ? <Button type="link" danger onClick={onRemove}>删除</Button> : null}
    </Space>
  );
}

const newCondition = (subject: 'enterprise' | 'person'): Condition => {
  const f = FACTS.find((x) => x.subject === subject)!;
  return { label: '', left: { kind: 'fact', fact: f.key }, op: f.type === 'boolean' || f.options ? '==' : '>=', value: defaultValue(f.key) };
};
const GROUP_LABELS = { all: '全部满足', any: '满足其一', not: '不满足' } as const;

export function RuleEditor({ rule, subject, onChange, onRemove, depth = 0 }: { rule: Rule; subject: 'enterprise' | 'person'; onChange: (r: Rule) => void; onRemove?: () => void; depth?: number }) {
  if (isCondition(rule)) return <ConditionRow c={rule} subject={subject} onChange={onChange} onRemove={onRemove} />;
  const kind = 'all' in rule ? 'all' : 'any' in rule ? 'any' : 'not';
  const kids: Rule[] = 'all' in rule ? rule.all : 'any' in rule ? rule.any : [rule.not];
  const make = (k: typeof kind, xs: Rule[]): Rule => (k === 'not' ? { not: xs[0] ?? newCondition(subject) } : k === 'all' ? { all: xs } : { any: xs });
  return (
    <Card size="small" style={{ marginBottom: 8, background: depth % 2 ? '#fafafa' : undefined }} data-testid={`rule-group-${depth}`}
      title={<Space><Select aria-label="条件组" style={{ width: 120 }} value={kind} onChange={(k: typeof kind) => onChange(make(k, k === 'not' ? kids.slice(0, 1) : kids))} options={Object.entries(GROUP_LABELS).map(([value, label]) => ({ value, label }))} />
        <Typography.Text type="secondary">{kind === 'not' ? '以下条件成立的不予兑现（排除情形）' : kind === 'all' ? '以下条件须全部满足' : '以下条件满足其一即可'}</Typography.Text></Space>}
      extra={onRemove ? <Button type="link" danger onClick={onRemove}>删除条件组</Button> : null}>
      {kids.map((k, i) => (
        <RuleEditor key={i} rule={k} subject={subject} depth={depth + 1}
          onChange={(x) => onChange(make(kind, kids.map((y, j) => (j === i ? x : y))))}
          onRemove={kids.length > 1 ? () => onChange(make(kind, kids.filter((_, j) => j !== i))) : undefined} />
      ))}
      {kind !== 'not' ? (
        <Space>
          <Button size="small" onClick={() => onChange(make(kind, [...kids, newCondition(subject)]))}>添加条件</Button>
          <Button size="small" onClick={() => onChange(make(kind, [...kids, { any: [newCondition(subject)] }]))}>添加条件组</Button>
          <Button size="small" onClick={() => onChange(make(kind, [...kids, { not: newCondition(subject) }]))}>添加排除情形</Button>
        </Space>
      ) : null}
    </Card>
  );
}

type Simple = Exclude<Amount, { kind: 'choose' }>;
const AMOUNT_KINDS = { fixed: '定额', perUnit: '按件（人）计算，设上限', percent: '按比例', bands: '分档比例（按分档依据）', choose: '分情形' } as const;

function SimpleAmount({ a, subject, onChange, nested }: { a: Simple; subject: 'enterprise' | 'person'; onChange: (a: Amount) => void; nested?: boolean }) {
  const money = moneyOptions(subject);
  const kinds = Object.entries(AMOUNT_KINDS).filter(([k]) => !nested || k !== 'choose').map(([value, label]) => ({ value, label }));
  const switchTo = (k: Amount['kind']): Amount => {
    const f = money[0]?.value ?? 'siPremiumFen';
    if (k === 'fixed') return { kind: 'fixed', fen: 0 };
    if (k === 'perUnit') return { kind: 'perUnit', fact: f, fenPerUnit: 0 };
    if (k === 'percent') return { kind: 'percent', of: f, rateBp: 0 };
    if (k === 'bands') return { kind: 'bands', by: f, of: f, bands: [{ minFen: 0, rateBp: 0 }] };
    return { kind: 'choose', cases: [{ when: newCondition(subject), then: a }], otherwise: { kind: 'fixed', fen: 0 } };
  };
  return (
    <Space wrap align="start">
      <Select aria-label="金额计算方式" style={{ width: 210 }} value={a.kind} onChange={(k: Amount['kind']) => onChange(switchTo(k))} options={kinds} />
      {a.kind === 'fixed' ? <InputNumber aria-label="金额" addonAfter="元" value={toYuan(a.fen)} onChange={(x) => onChange({ ...a, fen: toFen(x) })} /> : null}
      {a.kind === 'perUnit' ? (<>
        <Select aria-label="计算依据" style={{ width: 240 }} value={a.fact} onChange={(k: string) => onChange({ ...a, fact: k })} options={money} />
        <InputNumber aria-label="每件（人）金额" addonAfter="元" value={toYuan(a.fenPerUnit)} onChange={(x) => onChange({ ...a, fenPerUnit: toFen(x) })} />
        <InputNumber aria-label="上限" placeholder="上限" addonAfter="元" value={toYuan(a.capFen)} onChange={(x) => onChange({ ...a, capFen: x === null ? undefined : toFen(x) })} />
      </>) : null}
      {a.kind === 'percent' ? (<>
        <Select aria-label="计算基数" style={{ width: 240 }} value={a.of} onChange={(k: string) => onChange({ ...a, of: k })} options={money} />
        <InputNumber aria-label="比例" addonAfter="%" value={a.rateBp / 100} onChange={(x) => onChange({ ...a, rateBp: Math.round((x ?? 0) * 100) })} />
        <InputNumber aria-label="上限" placeholder="上限" addonAfter="元" value={toYuan(a.capFen)} onChange={(x) => onChange({ ...a, capFen: x === null ? undefined : toFen(x) })} />
      </>) : null}
      {a.kind === 'bands' ? (
        <Space direction="vertical">
          <Space><span>分档依据</span><Select style={{ width: 200 }} value={a.by} onChange={(k: string) => onChange({ ...a, by: k })} options={money} />
            <span>计算基数</span><Select style={{ width: 200 }} value={a.of} onChange={(k: string) => onChange({ ...a, of: k })} options={money} /></Space>
          {a.bands.map((b, i) => (
            <Space key={i}>
              <InputNumber addonBefore="自" addonAfter="元起" value={b.minFen / 100} onChange={(x) => onChange({ ...a, bands: a.bands.map((y, j) => (j === i ? { ...y, minFen: toFen(x) } : y)) })} />
              <InputNumber addonBefore="按" addonAfter="%" value={b.rateBp / 100} onChange={(x) => onChange({ ...a, bands: a.bands.map((y, j) => (j === i ? { ...y, rateBp: Math.round((x ?? 0) * 100) } : y)) })} />
              {a.bands.length > 1 ? <Button type="link" danger onClick={() => onChange({ ...a, bands: a.bands.filter((_, j) => j !== i) })}>删除</Button> : null}
            </Space>
          ))}
          <Space><Button size="small" onClick={() => onChange({ ...a, bands: [...a.bands, { minFen: 0, rateBp: 0 }] })}>添加档次</Button>
            <InputNumber placeholder="上限" addonAfter="元" value={toYuan(a.capFen)} onChange={(x) => onChange({ ...a, capFen: x === null ? undefined : toFen(x) })} /></Space>
        </Space>
      ) : null}
    </Space>
  );
}

export function AmountEditor({ amount, subject, onChange }: { amount: Amount; subject: 'enterprise' | 'person'; onChange: (a: Amount) => void }) {
  if (amount.kind !== 'choose') return <SimpleAmount a={amount} subject={subject} onChange={onChange} />;
  const simple = (a: Amount): Simple => (a.kind === 'choose' ? a.otherwise as Simple : a);
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="amount-cases">
      <Select aria-label="金额计算方式" style={{ width: 210 }} value="choose" onChange={(k: string) => { if (k !== 'choose') onChange(simple(amount.otherwise)); }} options={Object.entries(AMOUNT_KINDS).map(([value, label]) => ({ value, label }))} />
      {amount.cases.map((c, i) => (
        <Card key={i} size="small" title={`情形${i + 1}`} extra={amount.cases.length > 1 ? <Button type="link" danger onClick={() => onChange({ ...amount, cases: amount.cases.filter((_, j) => j !== i) })}>删除</Button> : null}>
          <RuleEditor rule={c.when} subject={subject} onChange={(w) => onChange({ ...amount, cases: amount.cases.map((y, j) => (j === i ? { ...y, when: w } : y)) })} />
          <SimpleAmount nested a={simple(c.then)} subject={subject} onChange={(t) => onChange({ ...amount, cases: amount.cases.map((y, j) => (j === i ? { ...y, then: t } : y)) })} />
        </Card>
      ))}
      <Button size="small" onClick={() => onChange({ ...amount, cases: [...amount.cases, { when: newCondition(subject), then: { kind: 'fixed', fen: 0 } }] })}>添加情形</Button>
      <Card size="small" title="其他情形">
        <SimpleAmount nested a={simple(amount.otherwise)} subject={subject} onChange={(t) => onChange({ ...amount, otherwise: t })} />
      </Card>
    </Space>
  );
}

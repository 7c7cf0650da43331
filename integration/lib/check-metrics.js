// Checks the RED metrics an instrumented program exported against the spans of
// a run in which every span was sampled (the same program, deterministic):
//   node check-metrics.js SPANS.jsonl METRICS.jsonl exact|estimated
// SPANS.jsonl and METRICS.jsonl: decoded ExportTraceServiceRequest and
// ExportMetricsServiceRequest, one per line (integration/otlp-receiver).
//
// Per function (orch.site.name = the span name): orch.function.calls equals the
// number of spans, orch.function.errors the spans with status ERROR, and no
// other function is counted. Cumulative series are read at their last point,
// delta series summed. The duration histogram counts every call (`exact`: the
// metrics come from the sampled run, each call timed) or at most every call
// (`estimated`: calls without a span are timed one in ~32). Exemplars must
// point to exported spans. Prints every difference; exits 1 if there is any.
'use strict';
const fs = require('fs');

const [spansFile, metricsFile, mode] = process.argv.slice(2);
if (!['exact', 'estimated'].includes(mode)) throw new Error('usage: check-metrics.js SPANS.jsonl METRICS.jsonl exact|estimated');

const lines = (file) => fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const attrs = (list) => Object.fromEntries((list || []).map((a) => {
  const v = a.value || {};
  return [a.key, v.stringValue ?? v.intValue ?? v.doubleValue ?? v.boolValue];
}));
// Ids arrive as hex (OTLP/JSON) or base64 (protobuf bytes as JSON): compare as hex.
const hex = (id) => (/^[0-9a-f]+$/i.test(id || '') ? id.toLowerCase() : Buffer.from(id || '', 'base64').toString('hex'));
const isError = (s) => s.status && (s.status.code === 2 || s.status.code === 'STATUS_CODE_ERROR');

const problems = [];
const expected = new Map();  // span name -> {calls, errors}
const spanIds = new Set();
for (const request of lines(spansFile))
  for (const rs of request.resourceSpans || [])
    for (const ss of rs.scopeSpans || [])
      for (const s of ss.spans || []) {
        const e = expected.get(s.name) || { calls: 0, errors: 0 };
        e.calls++;
        if (isError(s)) e.errors++;
        expected.set(s.name, e);
        spanIds.add(`${hex(s.traceId)}/${hex(s.spanId)}`);
      }
if (!expected.size) problems.push(`${spansFile}: no spans to compare with`);

// Per metric name and series (resource + point attributes): the points in order.
const series = new Map();
const seen = new Map();  // metric name -> its description of type and unit
for (const request of lines(metricsFile))
  for (const rm of request.resourceMetrics || [])
    for (const sm of rm.scopeMetrics || [])
      for (const m of sm.metrics || []) {
        const data = m.sum || m.exponentialHistogram || m.histogram;
        const type = m.sum ? 'sum' : m.exponentialHistogram ? 'exponentialHistogram' : 'histogram';
        seen.set(m.name, { type, unit: m.unit, temporality: data.aggregationTemporality, monotonic: data.isMonotonic });
        for (const p of data.dataPoints || []) {
          const key = JSON.stringify([m.name, attrs(rm.resource && rm.resource.attributes), attrs(p.attributes)]);
          if (!series.has(key)) series.set(key, { name: m.name, temporality: data.aggregationTemporality, attrs: attrs(p.attributes), points: [] });
          series.get(key).points.push(p);
        }
      }

const want = {
  'orch.function.calls': { type: 'sum', unit: '{call}', monotonic: true },
  'orch.function.errors': { type: 'sum', unit: '{error}', monotonic: true },
  'orch.function.duration': { type: 'exponentialHistogram', unit: 's' },
};
for (const [name, w] of Object.entries(want)) {
  const got = seen.get(name);
  if (!got) { if (name !== 'orch.function.errors' || [...expected.values()].some((e) => e.errors)) problems.push(`no metric ${name}`); continue; }
  for (const k of Object.keys(w)) if (got[k] !== w[k]) problems.push(`${name}: ${k} is ${got[k]}, expected ${w[k]}`);
}

// The total of a series: its last point when cumulative, the sum of its points when delta.
const value = (p) => Number(p.asInt ?? p.count ?? p.asDouble);
function total(s) {
  if (s.temporality === 2) {
    const last = s.points.reduce((a, b) => (BigInt(b.timeUnixNano) >= BigInt(a.timeUnixNano) ? b : a));
    return value(last);
  }
  return s.points.reduce((n, p) => n + value(p), 0);
}

const got = new Map();  // site name -> {calls, errors, timed}
const at = (site) => got.get(site) || got.set(site, { calls: 0, errors: 0, timed: 0 }).get(site);
for (const s of series.values()) {
  const site = s.attrs['orch.site.name'];
  if (!s.name.startsWith('orch.function.')) continue;
  if (site === undefined) { problems.push(`${s.name}: a point without orch.site.name`); continue; }
  for (const key of ['code.function.name', 'code.file.path', 'code.line.number'])
    if (s.attrs[key] === undefined) problems.push(`${s.name} ${site}: no ${key}`);
  if (s.name === 'orch.function.calls') at(site).calls += total(s);
  if (s.name === 'orch.function.errors') {
    at(site).errors += total(s);
    if (!s.attrs['error.type']) problems.push(`${site}: an error point without error.type`);
  }
  if (s.name === 'orch.function.duration') {
    at(site).timed += total(s);
    for (const p of s.points)
      for (const x of p.exemplars || [])
        if (!spanIds.has(`${hex(x.traceId)}/${hex(x.spanId)}`) && mode === 'exact')
          problems.push(`${site}: an exemplar points to no exported span (${hex(x.traceId)}/${hex(x.spanId)})`);
  }
}

for (const [site, e] of expected) {
  const g = got.get(site) || { calls: 0, errors: 0, timed: 0 };
  if (g.calls !== e.calls) problems.push(`${site}: ${g.calls} calls counted, ${e.calls} spans`);
  if (g.errors !== e.errors) problems.push(`${site}: ${g.errors} errors counted, ${e.errors} spans with status ERROR`);
  if (mode === 'exact' ? g.timed !== e.calls : g.timed > e.calls || g.timed === 0)
    problems.push(`${site}: the duration histogram holds ${g.timed} calls of ${e.calls} (${mode})`);
}
for (const site of got.keys()) if (!expected.has(site)) problems.push(`${site}: counted, but it has no span`);

if (problems.length) {
  console.log(`FAIL: metrics differ from the spans (${metricsFile}):`);
  for (const p of problems) console.log(`  ${p}`);
  process.exit(1);
}
console.log(`metrics: ${expected.size} functions, ${[...expected.values()].reduce((n, e) => n + e.calls, 0)} calls, as the spans say (${mode})`);

// Checks the spans an instrumented program exported against an expected trace.
//   node check-trace.js EXPECTED.json REQUESTS.jsonl
// REQUESTS.jsonl: one decoded ExportTraceServiceRequest per line (as written by
// integration/otlp-receiver). Prints every difference; exits 1 if there is any.
'use strict';
const fs = require('fs');

const [expectedPath, requestsPath] = process.argv.slice(2);
const expected = JSON.parse(fs.readFileSync(expectedPath, 'utf8'));
const requests = fs.readFileSync(requestsPath, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

// Ids arrive as hex (OTLP/JSON) or base64 (protobuf bytes as JSON): compare as hex.
function hex(id) {
  if (!id) return '';
  if (/^[0-9a-f]*$/i.test(id) && (id.length === 32 || id.length === 16)) return id.toLowerCase();
  return Buffer.from(id, 'base64').toString('hex');
}
function attrs(list) {
  const out = {};
  for (const a of list || []) {
    const v = a.value || {};
    out[a.key] = v.stringValue ?? v.intValue ?? v.doubleValue ?? v.boolValue;
  }
  return out;
}

const problems = [];
const spans = [];
for (const req of requests) {
  for (const rs of req.resourceSpans || []) {
    const resource = attrs(rs.resource && rs.resource.attributes);
    if (resource['service.name'] !== expected.service)
      problems.push(`service.name is ${resource['service.name']}, expected ${expected.service}`);
    for (const ss of rs.scopeSpans || []) {
      for (const s of ss.spans || []) {
        spans.push({ ...s, traceId: hex(s.traceId), spanId: hex(s.spanId), parentSpanId: hex(s.parentSpanId) });
      }
    }
  }
}

const byId = new Map(spans.map((s) => [s.spanId, s]));
const seen = {};
for (const s of spans) {
  const e = (seen[s.name] ||= { count: 0, parents: {}, errors: 0, exceptions: [] });
  e.count++;
  const root = !s.parentSpanId || /^0+$/.test(s.parentSpanId);
  const parent = root ? null : byId.get(s.parentSpanId);
  if (!root && !parent) problems.push(`${s.name}: parent ${s.parentSpanId} was not exported`);
  if (parent && parent.traceId !== s.traceId) problems.push(`${s.name}: trace id differs from its parent's`);
  const parentName = parent ? parent.name : '';
  e.parents[parentName] = (e.parents[parentName] || 0) + 1;
  const status = s.status && (s.status.code === 2 || s.status.code === 'STATUS_CODE_ERROR');
  if (status) e.errors++;
  for (const ev of s.events || []) if (ev.name === 'exception') e.exceptions.push(attrs(ev.attributes));
  const a = attrs(s.attributes);
  if (a['code.function.name'] !== s.name) problems.push(`${s.name}: code.function.name is ${a['code.function.name']}`);
  if (!a['code.file.path'] || !String(a['code.file.path']).startsWith('/')) problems.push(`${s.name}: no absolute code.file.path`);
  if (!(Number(a['code.line.number']) > 0)) problems.push(`${s.name}: no code.line.number`);
  if (BigInt(s.endTimeUnixNano) < BigInt(s.startTimeUnixNano)) problems.push(`${s.name}: ends before it starts`);
}

for (const [name, want] of Object.entries(expected.spans)) {
  const got = seen[name];
  if (!got) { problems.push(`${name}: no span`); continue; }
  if (got.count !== want.count) problems.push(`${name}: ${got.count} spans, expected ${want.count}`);
  const gp = JSON.stringify(Object.entries(got.parents).sort()), wp = JSON.stringify(Object.entries(want.parents).sort());
  if (gp !== wp) problems.push(`${name}: parents ${gp}, expected ${wp}`);
  if (got.errors !== (want.errors || 0)) problems.push(`${name}: ${got.errors} with status ERROR, expected ${want.errors || 0}`);
  if (want.exception) {
    const ok = got.exceptions.length === want.errors && got.exceptions.every((x) =>
      x['exception.type'] === want.exception.type && x['exception.message'] === want.exception.message);
    if (!ok) problems.push(`${name}: exception events ${JSON.stringify(got.exceptions)}, expected ${JSON.stringify(want.exception)}`);
  }
}
for (const name of Object.keys(seen)) if (!expected.spans[name]) problems.push(`${name}: unexpected span`);

if (problems.length) {
  console.error(`check-trace: ${problems.length} problem(s) in ${spans.length} spans:\n  ` + problems.join('\n  '));
  process.exit(1);
}
console.log(`check-trace: ${spans.length} spans as expected (${Object.keys(seen).length} names)`);

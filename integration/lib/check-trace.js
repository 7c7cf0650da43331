// Checks the spans an instrumented program exported against an expected trace.
//   node check-trace.js EXPECTED.json REQUESTS.jsonl
// REQUESTS.jsonl: one decoded ExportTraceServiceRequest per line (as written by
// integration/otlp-receiver). Prints every difference; exits 1 if there is any.
//
// EXPECTED.json: {"service": NAME, and one or both of:
//   "spans":  {NAME: {count, parents: {PARENT_NAME or "": n}, errors, exception: {type, message}}}
//             per span name (which must also be its code.function.name): how many, under
//             which parents, how many with status ERROR, and the exception event they all carry;
//   "traces": [{count, tree: [LINE, ...]}]
//             every trace, exactly: the multiset of trees, each rendered by renderTree below;
//   optionally "exceptions_by_compiler": [NAME, ...]: spans whose exception events depend on
//             the compiler (a named local returned: Clang records the type, GCC cannot), not
//             compared; "ignore_attributes": [KEY, ...]: attributes that differ from run to
//             run (ports, user agents), not rendered; "external_parents": [SPAN_ID, ...]:
//             parents in a caller that does not export (a traceparent sent with curl).}
// "service" may be a list: the services whose spans the file holds.
// Every span must also carry code.function.name, an absolute code.file.path and a
// code.line.number, end after it starts, and share its parent's trace id.
'use strict';
const fs = require('fs');

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
const isError = (s) => s.status && (s.status.code === 2 || s.status.code === 'STATUS_CODE_ERROR');
const KINDS = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'];

// Span names whose exception events are not compared (see "exceptions_by_compiler").
let eventsIgnored = new Set();
// Attribute keys not rendered (see "ignore_attributes").
let attributesIgnored = new Set();

// One span as one line: name, (kind) unless internal, its attributes but code.* sorted
// by key (strings quoted), code.function.name when it is not the name, ERROR, and
// each exception event as exception(type: message).
function renderSpan(s) {
  const a = attrs(s.attributes);
  const parts = [s.name];
  const kind = KINDS[s.kind] || String(s.kind);
  if (kind !== 'internal') parts.push(`(${kind})`);
  for (const { key, value } of (s.attributes || []).slice().sort((x, y) => (x.key < y.key ? -1 : 1))) {
    if (!key.startsWith('code.') && !attributesIgnored.has(key)) parts.push(`${key}=${'stringValue' in value ? JSON.stringify(value.stringValue) : attrs([{ key, value }])[key]}`);
  }
  if (a['code.function.name'] !== s.name) parts.push(`code.function.name=${JSON.stringify(a['code.function.name'])}`);
  if (isError(s)) parts.push('ERROR');
  for (const ev of eventsIgnored.has(s.name) ? [] : s.events || []) {
    const e = attrs(ev.attributes);
    parts.push(ev.name === 'exception' ? `exception(${e['exception.type']}: ${e['exception.message']})` : `event(${ev.name})`);
  }
  return parts.join(' ');
}

// A span and its descendants as indented lines (two spaces a level), children in
// start order; a run of identical sibling subtrees is written once, its first line
// ending in " ×N".
function renderTree(span, childrenOf, depth = 0) {
  const children = (childrenOf.get(span.spanId) || []).slice().sort((x, y) => {
    const dx = BigInt(x.startTimeUnixNano), dy = BigInt(y.startTimeUnixNano);
    return dx < dy ? -1 : dx > dy ? 1 : 0;
  });
  const lines = ['  '.repeat(depth) + renderSpan(span)];
  let run = null;
  for (const child of children) {
    const sub = renderTree(child, childrenOf, depth + 1);
    if (run && run.sub.join('\n') === sub.join('\n')) { run.n++; continue; }
    if (run) lines.push(...withCount(run));
    run = { sub, n: 1 };
  }
  if (run) lines.push(...withCount(run));
  return lines;
}
const withCount = ({ sub, n }) => (n === 1 ? sub : [`${sub[0]} ×${n}`, ...sub.slice(1)]);

function readSpans(requests, expected, problems) {
  const spans = [];
  for (const req of requests) {
    for (const rs of req.resourceSpans || []) {
      const resource = attrs(rs.resource && rs.resource.attributes);
      const services = [].concat(expected.service);
      if (!services.includes(resource['service.name']))
        problems.push(`service.name is ${resource['service.name']}, expected ${services.join(' or ')}`);
      for (const ss of rs.scopeSpans || [])
        for (const s of ss.spans || [])
          spans.push({ ...s, traceId: hex(s.traceId), spanId: hex(s.spanId), parentSpanId: hex(s.parentSpanId) });
    }
  }
  return spans;
}

// The checks every span must pass; returns the parent of each span (null for
// roots, undefined when the parent was not exported).
function checkSpans(spans, problems, externalParents) {
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  const parentOf = new Map();
  for (const s of spans) {
    const root = !s.parentSpanId || /^0+$/.test(s.parentSpanId) || externalParents.has(s.parentSpanId);
    const parent = root ? null : byId.get(s.parentSpanId);
    if (parent === undefined) problems.push(`${s.name}: parent ${s.parentSpanId} was not exported`);
    if (parent && parent.traceId !== s.traceId) problems.push(`${s.name}: trace id differs from its parent's`);
    parentOf.set(s, parent);
    const a = attrs(s.attributes);
    if (!a['code.function.name']) problems.push(`${s.name}: no code.function.name`);
    if (!a['code.file.path'] || !String(a['code.file.path']).startsWith('/')) problems.push(`${s.name}: no absolute code.file.path`);
    if (!(Number(a['code.line.number']) > 0)) problems.push(`${s.name}: no code.line.number`);
    if (BigInt(s.endTimeUnixNano) < BigInt(s.startTimeUnixNano)) problems.push(`${s.name}: ends before it starts`);
  }
  return parentOf;
}

function checkSummary(spans, parentOf, expectedSpans, problems) {
  const seen = {};
  for (const s of spans) {
    const e = (seen[s.name] ||= { count: 0, parents: {}, errors: 0, exceptions: [] });
    e.count++;
    const parentName = parentOf.get(s) ? parentOf.get(s).name : '';
    e.parents[parentName] = (e.parents[parentName] || 0) + 1;
    if (isError(s)) e.errors++;
    for (const ev of s.events || []) if (ev.name === 'exception') e.exceptions.push(attrs(ev.attributes));
    const fn = attrs(s.attributes)['code.function.name'];
    if (fn !== s.name) problems.push(`${s.name}: code.function.name is ${fn}`);
  }
  for (const [name, want] of Object.entries(expectedSpans)) {
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
  for (const name of Object.keys(seen)) if (!expectedSpans[name]) problems.push(`${name}: unexpected span`);
}

function checkTraces(spans, parentOf, expectedTraces, problems) {
  const childrenOf = new Map();
  for (const s of spans) {
    const parent = parentOf.get(s);
    if (parent) (childrenOf.get(parent.spanId) || childrenOf.set(parent.spanId, []).get(parent.spanId)).push(s);
  }
  const got = new Map();
  for (const root of spans.filter((s) => parentOf.get(s) === null)) {
    // A root under a caller's span says whose: "caller SPAN_ID in trace TRACE_ID" above it.
    const caller = root.parentSpanId && !/^0+$/.test(root.parentSpanId)
      ? [`caller ${root.parentSpanId} in trace ${root.traceId}`] : [];
    const text = [...caller, ...renderTree(root, childrenOf, caller.length)].join('\n');
    got.set(text, (got.get(text) || 0) + 1);
  }
  const want = new Map(expectedTraces.map((t) => [t.tree.join('\n'), t.count]));
  const indent = (text) => text.replace(/^/gm, '      ');
  for (const [text, n] of want) {
    if ((got.get(text) || 0) !== n) problems.push(`${got.get(text) || 0} trace(s), expected ${n}, of:\n${indent(text)}`);
  }
  for (const [text, n] of got) if (!want.has(text)) problems.push(`${n} unexpected trace(s):\n${indent(text)}`);
  return got.size;
}

function main() {
  const [expectedPath, requestsPath] = process.argv.slice(2);
  const expected = JSON.parse(fs.readFileSync(expectedPath, 'utf8'));
  eventsIgnored = new Set(expected.exceptions_by_compiler || []);
  attributesIgnored = new Set(expected.ignore_attributes || []);
  if (!expected.spans && !expected.traces) throw new Error(`${expectedPath}: neither "spans" nor "traces"`);
  const requests = fs.readFileSync(requestsPath, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const problems = [];
  const spans = readSpans(requests, expected, problems);
  const parentOf = checkSpans(spans, problems, new Set(expected.external_parents || []));
  if (expected.spans) checkSummary(spans, parentOf, expected.spans, problems);
  const shapes = expected.traces ? checkTraces(spans, parentOf, expected.traces, problems) : 0;
  if (problems.length) {
    console.error(`check-trace: ${problems.length} problem(s) in ${spans.length} spans:\n  ` + problems.join('\n  '));
    process.exit(1);
  }
  console.log(`check-trace: ${spans.length} spans as expected` + (shapes ? ` (${shapes} distinct trace trees)` : ''));
}

main();

#!/usr/bin/env node
// End-to-end OTLP tests: traced_program (liborch_runtime) -> OTLP/HTTP ->
// integration/otlp-receiver (the OpenTelemetry project's decoder).
//
//   node e2e.js PROGRAM CASE
//
// CASE is one of:
//   protobuf | json | protobuf-gzip | json-gzip
//       the full trace arrives and every field is right (check-trace.js)
//   down | status-500 | status-503 | status-400 | hang | close | garbage
//       the collector fails: the program's output and exit code are those of
//       a normal run, it takes at most the export timeout longer, and the
//       loss is reported on stderr
//   resume
//       a collector answering 503 comes back: later spans are exported
//   partial-protobuf | partial-json
//       the collector accepts but rejects some spans (OTLP partial success):
//       the rejection is counted and reported once at exit with its message
//   https | mtls
//       the receiver serves TLS with a self-signed certificate made by the
//       openssl CLI: trusted through OTEL_EXPORTER_OTLP_CERTIFICATE, the full
//       trace arrives; without it, the export fails and the loss is reported.
//       mtls: the receiver also requires a client certificate
//       (OTEL_EXPORTER_OTLP_CLIENT_CERTIFICATE / _CLIENT_KEY)
//   otlp-console
//       OTEL_TRACES_EXPORTER=otlp,console: the receiver gets the full trace and
//       the console tree is on stderr
'use strict';
const assert = require('assert');
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const readline = require('readline');
const { checkTrace, SPAN_COUNT } = require('./check-trace');

const RECEIVER = path.join(__dirname, '..', 'otlp-receiver', 'receiver.js');
const EXPORT_TIMEOUT_MS = 1000;
const SLACK_MS = 1500;  // process start-up and scheduling on a loaded 2-core machine

const [program, testCase] = process.argv.slice(2);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'orch-otlp-e2e-'));

function startReceiver(...args) {
  const out = path.join(tmp, `requests-${Date.now()}.jsonl`);
  const child = spawn(process.execPath, [RECEIVER, '--out', out, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).once('line', (line) => {
      const port = Number(line.replace('listening on ', ''));
      resolve({
        port, child,
        requests: () => fs.existsSync(out) ? fs.readFileSync(out, 'utf8').split('\n').filter(Boolean).map(JSON.parse) : [],
        control: (query) => fetch(`http://127.0.0.1:${port}/control?${query}`, { method: 'POST' }),
        stop: () => child.kill(),
      });
    });
    child.once('exit', (code) => reject(new Error(`receiver exited with ${code}`)));
  });
}

// A port nobody listens on.
function closedPort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

// The caller's OTEL_* settings must not leak into the cases.
function env(port, extra = {}) {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('OTEL_')));
  return {
    ...inherited,
    OTEL_SERVICE_NAME: 'orch-e2e',
    OTEL_TRACES_EXPORTER: 'otlp',
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
    OTEL_EXPORTER_OTLP_HEADERS: 'x-orch-test=e2e%20ok',
    OTEL_EXPORTER_OTLP_TIMEOUT: String(EXPORT_TIMEOUT_MS),
    OTEL_BSP_EXPORT_TIMEOUT: String(EXPORT_TIMEOUT_MS),
    ...extra,
  };
}

function run(port, extra) {
  const start = process.hrtime.bigint();
  const r = spawnSync(program, [], { env: env(port, extra), encoding: 'utf8', timeout: 30000 });
  if (r.error) throw r.error;
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ...r, ms };
}

async function traceCase(protocol, gzip) {
  const receiver = await startReceiver();
  try {
    const r = run(receiver.port, {
      OTEL_EXPORTER_OTLP_PROTOCOL: protocol,
      OTEL_EXPORTER_OTLP_COMPRESSION: gzip ? 'gzip' : 'none',
    });
    assert.strictEqual(r.stdout, 'result: 42\n');
    assert.strictEqual(r.status, 7, r.stderr);
    assert.strictEqual(r.stderr, '', 'nothing lost, nothing to report');
    const problems = checkTrace(receiver.requests(), { pid: r.pid, protocol, gzip, hostname: os.hostname() });
    assert.deepStrictEqual(problems, []);
  } finally {
    receiver.stop();
  }
}

function spanCount(requests) {
  return requests.flatMap((q) => q.resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans))).length;
}

async function partialCase(protocol) {
  const receiver = await startReceiver('--mode', 'partial', '--rejected', '2');
  try {
    const r = run(receiver.port, { OTEL_EXPORTER_OTLP_PROTOCOL: protocol });
    assert.strictEqual(r.stdout, 'result: 42\n');
    assert.strictEqual(r.status, 7, r.stderr);
    const requests = receiver.requests();
    assert.strictEqual(spanCount(requests), SPAN_COUNT, 'every span was sent');
    const rejected = 2 * requests.length;  // the receiver rejects 2 spans of each request
    assert.strictEqual(r.stderr,
      `orch: ${rejected} spans rejected by the collector (partial success): rejected on purpose by the test receiver\n`);
  } finally {
    receiver.stop();
  }
}

// A self-signed certificate (its own CA) for `cn`, valid for 127.0.0.1.
function selfSigned(name, cn) {
  const key = path.join(tmp, `${name}.key`), cert = path.join(tmp, `${name}.pem`);
  const r = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', `/CN=${cn}`,
    '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert], { encoding: 'utf8' });
  assert.strictEqual(r.status, 0, `openssl: ${r.stderr}`);
  return { key, cert };
}

async function tlsCase(mutual) {
  const server = selfSigned('server', '127.0.0.1');
  const client = selfSigned('client', 'orch-e2e-client');
  const args = ['--tls-cert', server.cert, '--tls-key', server.key];
  if (mutual) args.push('--tls-client-ca', client.cert);
  const receiver = await startReceiver(...args);
  const https = (extra) => run(receiver.port, {
    OTEL_EXPORTER_OTLP_ENDPOINT: `https://127.0.0.1:${receiver.port}`, ...extra,
  });
  const trusted = { OTEL_EXPORTER_OTLP_CERTIFICATE: server.cert };
  const identified = mutual
    ? { OTEL_EXPORTER_OTLP_CLIENT_CERTIFICATE: client.cert, OTEL_EXPORTER_OTLP_CLIENT_KEY: client.key } : {};
  try {
    const ok = https({ ...trusted, ...identified });
    assert.strictEqual(ok.status, 7, ok.stderr);
    assert.strictEqual(ok.stderr, '', 'nothing lost over https');
    const problems = checkTrace(receiver.requests(), { pid: ok.pid, protocol: 'http/protobuf', gzip: false, hostname: os.hostname() });
    assert.deepStrictEqual(problems, []);

    // Not trusted (or, with mTLS, not identified): nothing arrives, the loss is reported.
    const refused = https(mutual ? trusted : {});
    assert.strictEqual(refused.stdout, ok.stdout);
    assert.strictEqual(refused.status, 7);
    assert.match(refused.stderr, new RegExp(`^orch: ${SPAN_COUNT} spans not exported: .+`, 'm'));
    assert.strictEqual(spanCount(receiver.requests()), SPAN_COUNT, 'the refused run added nothing');
    console.log(`refused: ${refused.stderr.trim()}`);
  } finally {
    receiver.stop();
  }
}

async function otlpConsoleCase() {
  const receiver = await startReceiver();
  try {
    const r = run(receiver.port, { OTEL_TRACES_EXPORTER: 'otlp,console' });
    assert.strictEqual(r.stdout, 'result: 42\n');
    assert.strictEqual(r.status, 7, r.stderr);
    const problems = checkTrace(receiver.requests(), { pid: r.pid, protocol: 'http/protobuf', gzip: false, hostname: os.hostname() });
    assert.deepStrictEqual(problems, []);
    for (const name of ['handle_request', 'parse_input', 'db.query', 'fail_with_exception', 'consume'])
      assert.match(r.stderr, new RegExp(`\\b${name.replace('.', '\\.')}\\b`), `console tree names ${name}`);
    assert.match(r.stderr, /\(parent b7ad6b7169203331 not in this batch; tracestate rojo=00f067aa0ba902b7,congo=t61rcWkgMzE\)/,
                 'the console tree shows the remote parent and its tracestate');
  } finally {
    receiver.stop();
  }
}

async function failureCase(name) {
  // The same program against a healthy collector: the reference run time.
  const healthy = await startReceiver();
  const reference = run(healthy.port);
  healthy.stop();
  assert.strictEqual(reference.status, 7, reference.stderr);

  const receiverArgs = {
    'status-500': ['--mode', 'status', '--status', '500'],
    'status-503': ['--mode', 'status', '--status', '503', '--retry-after', '1'],
    'status-400': ['--mode', 'status', '--status', '400'],
    hang: ['--mode', 'hang'],
    close: ['--mode', 'close'],
    garbage: ['--mode', 'garbage'],
  }[name];
  const receiver = name === 'down' ? null : await startReceiver(...receiverArgs);
  try {
    const r = run(receiver ? receiver.port : await closedPort());
    console.log(`${name}: ${r.ms.toFixed(0)} ms (healthy collector: ${reference.ms.toFixed(0)} ms); stderr: ${r.stderr.trim()}`);
    assert.strictEqual(r.stdout, reference.stdout);
    assert.strictEqual(r.status, reference.status);
    assert.ok(r.ms <= reference.ms + EXPORT_TIMEOUT_MS + SLACK_MS, `took ${r.ms} ms`);
    assert.match(r.stderr, new RegExp(`^orch: ${SPAN_COUNT} spans not exported: .+`, 'm'));
    if (receiver) assert.deepStrictEqual(receiver.requests(), []);
  } finally {
    if (receiver) receiver.stop();
  }
}

async function resumeCase() {
  const receiver = await startReceiver('--mode', 'status', '--status', '503', '--retry-after', '1');
  const child = spawn(program, ['rounds'], { env: env(receiver.port), stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const lines = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const round = async (n) => {
    child.stdin.write(`round ${n}\n`);
    return (await lines.next()).value;
  };
  try {
    assert.strictEqual(await round(1), 'round 1 exported=0');
    await receiver.control('mode=ok');
    assert.strictEqual(await round(2), 'round 2 exported=1');
    assert.strictEqual(await round(3), 'round 3 exported=1');
    child.stdin.end();
    const code = await new Promise((resolve) => child.once('exit', resolve));
    assert.strictEqual(code, 0);
    const names = receiver.requests().flatMap((q) => q.resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans.map((s) => s.name))));
    assert.deepStrictEqual(names.sort(), ['round-2', 'round-3']);
    assert.match(stderr, /^orch: 1 spans not exported: .*HTTP 503/m);
  } finally {
    child.kill();
    receiver.stop();
  }
}

const cases = {
  protobuf: () => traceCase('http/protobuf', false),
  json: () => traceCase('http/json', false),
  'protobuf-gzip': () => traceCase('http/protobuf', true),
  'json-gzip': () => traceCase('http/json', true),
  resume: resumeCase,
  'partial-protobuf': () => partialCase('http/protobuf'),
  'partial-json': () => partialCase('http/json'),
  https: () => tlsCase(false),
  mtls: () => tlsCase(true),
  'otlp-console': otlpConsoleCase,
};
for (const f of ['down', 'status-500', 'status-503', 'status-400', 'hang', 'close', 'garbage']) cases[f] = () => failureCase(f);

if (!cases[testCase]) {
  console.error(`usage: node e2e.js PROGRAM (${Object.keys(cases).join('|')})`);
  process.exit(2);
}
cases[testCase]().then(
  () => { fs.rmSync(tmp, { recursive: true, force: true }); console.log(`${testCase}: ok`); },
  (e) => { console.error(`${testCase}: FAILED\n${e.stack || e}`); process.exitCode = 1; },
);

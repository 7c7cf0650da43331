#!/usr/bin/env node
// The metrics encoders checked by the OpenTelemetry project's decoder:
// metrics_export_program exports the sample metrics (test_metrics.h) to
// integration/otlp-receiver, which decodes them with the generated
// ExportMetricsServiceRequest; every decoded field is compared here.
//
//   node metrics_receiver_test.js PROGRAM CASE
//
// CASE: protobuf | json | protobuf-gzip | json-gzip | partial (the receiver
// rejects 2 data points: the program reports them).
'use strict';
const assert = require('assert');
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const readline = require('readline');

const RECEIVER = path.join(__dirname, '..', '..', 'integration', 'otlp-receiver', 'receiver.js');
const [program, testCase] = process.argv.slice(2);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'orch-otlp-metrics-'));
const out = path.join(tmp, 'metrics.jsonl');

function startReceiver(...args) {
  const child = spawn(process.execPath, [RECEIVER, '--metrics-out', out, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).once('line', (line) => resolve({ child, port: Number(line.replace('listening on ', '')) }));
    child.once('exit', (code) => reject(new Error(`receiver exited with ${code}`)));
  });
}

const EXEMPLAR = {
  timeUnixNano: '1500', asDouble: 0.2, spanId: '1112131415161718', traceId: '0102030405060708090a0b0c0d0e0f10',
};
const HANDLE = [{ key: 'code.function.name', value: { stringValue: 'handle' } }];
const LOAD = [{ key: 'code.function.name', value: { stringValue: 'load' } }, { key: 'error', value: { boolValue: true } }];

function checkRequest(request, contentType, gzip) {
  assert.strictEqual(request._http.contentType, contentType);
  assert.strictEqual(request._http.contentEncoding, gzip ? 'gzip' : '');
  assert.strictEqual(request.resourceMetrics.length, 1);
  const [rm] = request.resourceMetrics;
  assert.deepStrictEqual(rm.resource.attributes, [{ key: 'service.name', value: { stringValue: 'metrics-test' } }]);
  assert.strictEqual(rm.scopeMetrics.length, 1);
  const [sm] = rm.scopeMetrics;
  assert.deepStrictEqual(sm.scope, { name: 'orch', version: '1.2.3' });
  assert.deepStrictEqual(sm.metrics.map((m) => m.name), ['orch.calls', 'orch.duration', 'orch.duration.explicit']);
  const [calls, duration, explicit] = sm.metrics;

  assert.deepStrictEqual(calls, {
    name: 'orch.calls', description: 'Calls of instrumented functions', unit: '{call}',
    sum: {
      dataPoints: [
        { attributes: HANDLE, startTimeUnixNano: '1000', timeUnixNano: '2000', asInt: '42' },
        { attributes: LOAD, startTimeUnixNano: '1000', timeUnixNano: '2000', asInt: '7' },
      ],
      aggregationTemporality: 2, isMonotonic: true,
    },
  });
  assert.deepStrictEqual(duration, {
    name: 'orch.duration', unit: 's',
    exponentialHistogram: {
      dataPoints: [{
        attributes: HANDLE, startTimeUnixNano: '1000', timeUnixNano: '2000', count: '10', sum: 1.9, scale: 3,
        zeroCount: '1', positive: { offset: -20, bucketCounts: ['2', '0', '3', '4'] }, exemplars: [EXEMPLAR],
        min: 0, max: 0.24,
      }],
      aggregationTemporality: 1,
    },
  });
  assert.deepStrictEqual(explicit, {
    name: 'orch.duration.explicit', unit: 's',
    histogram: {
      dataPoints: [{
        attributes: LOAD, startTimeUnixNano: '1000', timeUnixNano: '2000', count: '10', sum: 2.5,
        bucketCounts: ['3', '5', '1', '1'], explicitBounds: [0.01, 0.1, 1], exemplars: [EXEMPLAR], min: 0.002, max: 1.5,
      }],
      aggregationTemporality: 2,
    },
  });
}

async function main() {
  const json = testCase.startsWith('json');
  const gzip = testCase.endsWith('-gzip');
  const partial = testCase === 'partial';
  const receiver = await startReceiver(...(partial ? ['--mode', 'partial', '--rejected', '2'] : []));
  try {
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('OTEL_')));
    Object.assign(env, {
      OTEL_METRICS_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${receiver.port}`,
      OTEL_EXPORTER_OTLP_METRICS_PROTOCOL: json ? 'http/json' : 'http/protobuf',
      OTEL_EXPORTER_OTLP_METRICS_COMPRESSION: gzip ? 'gzip' : 'none',
    });
    const run = spawnSync(program, [], { env, encoding: 'utf8', timeout: 30000 });
    assert.strictEqual(run.status, 0, `program failed: ${run.stderr}`);
    assert.strictEqual(run.stdout, partial ? 'rejected 2: rejected on purpose by the test receiver\n' : '');
    const requests = fs.readFileSync(out, 'utf8').split('\n').filter(Boolean).map(JSON.parse);
    assert.strictEqual(requests.length, 1);
    checkRequest(requests[0], json ? 'application/json' : 'application/x-protobuf', gzip);
  } finally {
    receiver.child.kill();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`ok ${testCase}`);
}

main().catch((e) => {
  console.error(e.stack || e);
  process.exit(1);
});

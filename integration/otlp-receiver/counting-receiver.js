#!/usr/bin/env node
// An OTLP/HTTP protobuf receiver for throughput benchmarks: it decodes every
// ExportTraceServiceRequest (POSTed to /v1/traces) and
// ExportMetricsServiceRequest (/v1/metrics) with the OpenTelemetry project's
// generated decoders (as a collector does before anything else) and counts the
// spans, but writes nothing (receiver.js turns each request into JSON, which
// costs more than the decoding and is not what a collector spends its time on).
//
//   node counting-receiver.js [--port 0]
//
// Prints "listening on PORT" once ready; on SIGTERM or SIGINT, prints
// "requests N spans M metric requests K" (N: trace requests) and exits.
'use strict';
const http = require('http');
const zlib = require('zlib');
const { opentelemetry } = require('@opentelemetry/otlp-proto-exporter-base/build/src/generated/root');

const { ExportTraceServiceRequest } = opentelemetry.proto.collector.trace.v1;
const { ExportMetricsServiceRequest } = opentelemetry.proto.collector.metrics.v1;
const portArg = process.argv.indexOf('--port');
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 0;
let requests = 0;
let spans = 0;
let metricRequests = 0;

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    try {
      let body = Buffer.concat(chunks);
      if (req.headers['content-encoding'] === 'gzip') body = zlib.gunzipSync(body);
      const path = req.url.split('?')[0];
      if (path === '/v1/metrics') {
        ExportMetricsServiceRequest.decode(body);
        ++metricRequests;
      } else if (path === '/v1/traces') {
        const message = ExportTraceServiceRequest.decode(body);
        for (const rs of message.resourceSpans) for (const ss of rs.scopeSpans) spans += ss.spans.length;
        ++requests;
      } else {
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        return res.end(`no OTLP signal at ${path}\n`);
      }
    } catch (e) {
      res.writeHead(400, { 'Content-Type': 'text/plain' });
      return res.end(`${e.message}\n`);
    }
    res.writeHead(200, { 'Content-Type': 'application/x-protobuf' });
    res.end();
  });
});
server.keepAliveTimeout = 60000;
server.listen(port, '127.0.0.1', () => console.log(`listening on ${server.address().port}`));
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    console.log(`requests ${requests} spans ${spans} metric requests ${metricRequests}`);
    process.exit(0);
  });
}

// Validates deploy/ against real schemas (run by DeployManifestsTest): every Kubernetes and Knative object with the
// kubernetes-models JSON schemas, the OpenTelemetry Collector and Prometheus configs for internal consistency, and the
// Grafana dashboard's queries against the metric names a running gateway exports (EXPORTED_METRICS, one per line).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments, parse } from 'yaml';
import { ConfigMap, Secret, Service } from 'kubernetes-models/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { Service as KnativeService } from '@kubernetes-models/knative/serving.knative.dev/v1';

const deploy = new URL('../../../deploy/', import.meta.url).pathname;
const models = {
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'serving.knative.dev/v1/Service': KnativeService,
};

function objects(folder) {
  return readdirSync(join(deploy, folder)).filter((name) => name.endsWith('.yaml')).flatMap((name) =>
    parseAllDocuments(readFileSync(join(deploy, folder, name), 'utf8')).map((doc) => {
      assert.equal(doc.errors.length, 0, `${folder}/${name}: ${doc.errors}`);
      return { file: `${folder}/${name}`, object: doc.toJS() };
    }));
}

for (const folder of ['knative', 'kubernetes']) {
  test(`${folder} manifests match the Kubernetes and Knative schemas`, () => {
    const found = objects(folder);
    assert.ok(found.length > 0);
    for (const { file, object } of found) {
      const Model = models[`${object.apiVersion}/${object.kind}`];
      assert.ok(Model, `${file}: no schema for ${object.apiVersion} ${object.kind}`);
      new Model(object).validate();
    }
  });
}

test('the gateway containers probe its health endpoints and read its config', () => {
  for (const { file, object } of [...objects('knative'), ...objects('kubernetes')]) {
    const spec = object.kind === 'Deployment' ? object.spec.template.spec
      : object.kind === 'Service' && object.apiVersion.startsWith('serving') ? object.spec.template.spec : null;
    if (!spec) continue;
    const gateway = spec.containers.find((c) => c.image.includes('triage-gateway'));
    assert.ok(gateway, `${file}: no gateway container`);
    assert.equal(gateway.readinessProbe.httpGet.path, '/q/health/ready', file);
    assert.equal(gateway.livenessProbe.httpGet.path, '/q/health/live', file);
    assert.ok(gateway.resources.limits.memory, `${file}: memory limit`);
  }
});

test('the sidecar config routes to the local model and ends every chain on it', () => {
  const config = objects('kubernetes').find(({ object }) => object.metadata.name === 'triage-sidecar-config');
  const triage = parse(config.object.data['application.yaml']).triage;
  assert.equal(triage.providers.vllm['base-url'], 'http://localhost:8000/v1');
  assert.equal(triage.models[triage.routes.auto.weak].provider, 'vllm');
  assert.equal(triage.routes.auto['last-resort'], 'local');
  for (const model of [triage.routes.auto.strong, triage.routes.auto.weak, ...triage.routes.auto.fallbacks]) {
    assert.ok(triage.models[model], `route auto names unknown model ${model}`);
  }
});

test('the OpenTelemetry Collector pipeline uses only components it defines', () => {
  const config = parse(readFileSync(join(deploy, 'otel/collector.yaml'), 'utf8'));
  for (const [name, pipeline] of Object.entries(config.service.pipelines)) {
    for (const kind of ['receivers', 'processors', 'exporters']) {
      for (const component of pipeline[kind] ?? []) {
        assert.ok(config[kind]?.[component] !== undefined, `pipeline ${name}: ${kind} ${component} is not defined`);
      }
    }
  }
  assert.ok(config.receivers.otlp.protocols.grpc.endpoint.endsWith(':4317'));
});

test('Prometheus scrapes the gateway where it serves its metrics', () => {
  const config = parse(readFileSync(join(deploy, 'prometheus/prometheus.yaml'), 'utf8'));
  const job = config.scrape_configs.find((c) => c.job_name === 'triage');
  assert.equal(job.metrics_path, '/q/metrics');
});

test('every metric the Grafana dashboard queries is one the gateway exports', () => {
  const exported = new Set((process.env.EXPORTED_METRICS ?? '').split('\n').filter(Boolean));
  assert.ok(exported.size > 0, 'EXPORTED_METRICS is empty');
  const dashboard = JSON.parse(readFileSync(join(deploy, 'grafana/triage-dashboard.json'), 'utf8'));
  assert.ok(dashboard.panels.length >= 8);
  for (const panel of dashboard.panels) {
    for (const target of panel.targets) {
      const names = target.expr.match(/triage_[a-z_]+/g) ?? [];
      assert.ok(names.length > 0, `panel "${panel.title}" queries no gateway metric`);
      for (const name of names) assert.ok(exported.has(name), `panel "${panel.title}": ${name} is not exported`);
    }
  }
});

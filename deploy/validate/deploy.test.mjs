// Offline checks of deploy/ (no container engine or cluster runs on the machines this is tested on):
// - compose.yaml against the Compose Specification JSON schema (the copy shipped in the dclint package),
// - every Kubernetes manifest against the Kubernetes API schemas (kubernetes-models' validate()),
// - the Dockerfile with dockerfile-utils' linter,
// and the rules of docs/deploy.md that the schemas cannot see (non-root, probes, trusted proxy, multi-stage).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv";
import { parse, parseAllDocuments } from "yaml";
import { validate as lintDockerfile } from "dockerfile-utils";

const require = createRequire(import.meta.url);
const deploy = join(dirname(fileURLToPath(import.meta.url)), "..");
const repository = join(deploy, "..");
const read = (path) => readFileSync(join(deploy, path), "utf8");

const compose = parse(read("compose.yaml"), { merge: true });
// dclint does not export its schema file: read it from the installed package's folder.
// Its "$schema" names draft-07 by an address Ajv does not know (https, no "#"); it is draft-07, Ajv's default.
const { $schema: _draft, ...composeSchema } = JSON.parse(readFileSync(join(deploy, "validate", "node_modules", "dclint", "schemas", "compose.schema.json"), "utf8"));

test("compose.yaml is valid against the Compose Specification schema", () => {
  const schema = composeSchema;
  const ajv = new Ajv({ allErrors: true, strict: false });
  const valid = ajv.validate(schema, compose);
  assert.ok(valid, JSON.stringify(ajv.errors, null, 2));
});

test("the schema check rejects a misspelt key in this compose file", () => {
  const broken = structuredClone(compose);
  broken.services["auth-1"].helthcheck = broken.services.postgres.healthcheck;
  const ajv = new Ajv({ strict: false });
  assert.equal(ajv.validate(composeSchema, broken), false);
  assert.equal(ajv.errors[0].params.additionalProperty, "helthcheck");
});

test("compose runs two hosts on PostgreSQL behind a proxy they trust, and nothing else is trusted", () => {
  const hosts = ["auth-1", "auth-2"].map((name) => compose.services[name]);
  const proxy = compose.services.proxy;
  const proxyAddress = proxy.networks.backend.ipv4_address;
  for (const host of hosts) {
    assert.equal(host.environment.JwtAuthKit__Database__Provider, "PostgreSql");
    assert.match(host.environment.ConnectionStrings__JwtAuthKit, /^Host=postgres;/);
    assert.equal(host.environment.JwtAuthKit__ForwardedHeaders__KnownProxies__0, proxyAddress);
    assert.equal(host.ports, undefined, "only the proxy is published");
    assert.equal(host.stop_signal, "SIGTERM");
    assert.equal(host.depends_on.postgres.condition, "service_healthy");
  }
  assert.ok(compose.services.postgres.healthcheck, "PostgreSQL has a health check the hosts wait for");
  const subnet = compose.networks.backend.ipam.config[0].subnet;
  assert.ok(proxyAddress.startsWith(subnet.split(".").slice(0, 3).join(".") + "."), `${proxyAddress} is in ${subnet}`);

  const nginx = read("nginx/default.conf.template");
  for (const header of ["X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host"]) {
    assert.match(nginx, new RegExp(`proxy_set_header ${header} `), `nginx sets ${header}`);
  }
  for (const host of ["auth-1:8080", "auth-2:8080"]) {
    assert.match(nginx, new RegExp(`server ${host}`), `nginx balances over ${host}`);
  }
  assert.match(nginx, /listen 443 ssl/);
  assert.ok(proxy.volumes.some((v) => v.startsWith("./nginx/default.conf.template:")));
});

const manifests = readdirSync(join(deploy, "kubernetes"))
  .filter((file) => file.endsWith(".yaml") && file !== "kustomization.yaml")
  .flatMap((file) => parseAllDocuments(read(join("kubernetes", file))).map((doc) => ({ file, object: doc.toJS() })));

function model(object) {
  const [group, version] = object.apiVersion.includes("/") ? object.apiVersion.split("/") : ["", object.apiVersion];
  const module = group === "" ? `kubernetes-models/${version}/${object.kind}` : `kubernetes-models/${group.split(".")[0]}/${version}/${object.kind}`;
  const Model = require(module)[object.kind];
  return new Model(object);
}

test("every Kubernetes manifest is valid against the Kubernetes API schema", () => {
  assert.deepEqual(manifests.map((m) => m.object.kind).sort(), ["ConfigMap", "Deployment", "Secret", "Service"]);
  for (const { file, object } of manifests) {
    assert.doesNotThrow(() => model(object).validate(), `${file} (${object.kind})`);
  }
});

test("the schema check rejects a broken manifest", () => {
  const deployment = structuredClone(manifests.find((m) => m.object.kind === "Deployment").object);
  deployment.spec.replicas = "two";
  assert.throws(() => model(deployment).validate());
});

test("the Deployment probes /healthz and /readyz, limits resources and runs as non-root", () => {
  const deployment = manifests.find((m) => m.object.kind === "Deployment").object;
  const pod = deployment.spec.template.spec;
  const [container] = pod.containers;
  assert.equal(container.livenessProbe.httpGet.path, "/healthz");
  assert.equal(container.readinessProbe.httpGet.path, "/readyz");
  assert.ok(container.resources.requests.cpu && container.resources.requests.memory && container.resources.limits.memory);
  assert.equal(pod.securityContext.runAsNonRoot, true);
  assert.notEqual(pod.securityContext.runAsUser, 0);
  assert.equal(container.securityContext.allowPrivilegeEscalation, false);
  assert.equal(container.securityContext.readOnlyRootFilesystem, true);
  assert.deepEqual(container.envFrom.map((e) => Object.keys(e)[0]).sort(), ["configMapRef", "secretRef"]);
  const service = manifests.find((m) => m.object.kind === "Service").object;
  assert.deepEqual(service.spec.selector, deployment.spec.selector.matchLabels);
  const secret = manifests.find((m) => m.object.kind === "Secret").object;
  assert.ok(secret.stringData.ConnectionStrings__JwtAuthKit, "the connection string (with its password) is a Secret, not a ConfigMap entry");
  const config = manifests.find((m) => m.object.kind === "ConfigMap").object;
  assert.equal(Object.keys(config.data).some((key) => /password|ConnectionStrings/i.test(key)), false);
});

const dockerfile = read("Dockerfile");

test("the Dockerfile passes the linter", () => {
  const problems = lintDockerfile(dockerfile).filter((d) => d.severity === 1);
  assert.deepEqual(problems.map((d) => `line ${d.range.start.line + 1}: ${d.message}`), []);
});

test("the Dockerfile is multi-stage, runs as non-root, has a health check, and copies what exists", () => {
  const lines = dockerfile.split("\n").filter((l) => !l.startsWith("#"));
  const stages = lines.filter((l) => l.startsWith("FROM "));
  assert.ok(stages.length >= 2, "a build stage and a runtime stage");
  const runtime = lines.slice(lines.indexOf(stages.at(-1)));
  const user = runtime.filter((l) => l.startsWith("USER ")).at(-1);
  assert.ok(user && !/USER (root|0)\b/.test(user), "the runtime stage switches to a non-root user");
  assert.ok(runtime.some((l) => l.startsWith("HEALTHCHECK ")) && dockerfile.includes("/healthz"));
  for (const line of lines.filter((l) => l.startsWith("COPY ") && !l.includes("--from="))) {
    for (const source of line.split(/\s+/).slice(1, -1)) {
      assert.ok(existsSync(join(repository, source)), `${source} (in "${line}") exists in the repository`);
    }
  }
  assert.match(dockerfile, /dotnet publish samples\/HostApp\/HostApp\.csproj -c Release/);
});

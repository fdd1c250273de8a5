import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { allTopics } from '@scrt/contracts';

/** No Docker engine or cluster here: these static checks keep docker-compose and deploy/ honest. */
const root = path.resolve(import.meta.dirname, '..');
const deployedApps = readdirSync(path.join(root, 'apps')).filter((app) => app !== 'dev-identity');
const mainOf = (app: string) => `dist/apps/${app}/src/main.js`;
const sourceExistsFor = (distMain: string) => existsSync(path.join(root, distMain.replace(/^dist\//, '').replace(/\.js$/, '.ts')));

describe('deploy/k8s', () => {
  const manifests = readdirSync(path.join(root, 'deploy/k8s'))
    .filter((file) => file.endsWith('.yaml'))
    .flatMap((file) => parseAllDocuments(readFileSync(path.join(root, 'deploy/k8s', file), 'utf8')).map((doc) => doc.toJS()));

  it.each(deployedApps)('runs %s from its built main with health probes', (app) => {
    const deployment = manifests.find((m) => m.kind === 'Deployment' && m.metadata.name === app);
    const container = deployment.spec.template.spec.containers[0];
    expect(container.command).toEqual(['node', mainOf(app)]);
    expect(sourceExistsFor(mainOf(app))).toBe(true);
    expect(container.readinessProbe.httpGet.path).toBe('/health/ready');
    expect(manifests.some((m) => m.kind === 'Service' && m.metadata.name === app)).toBe(true);
  });

  it.each(deployedApps)('lets %s listen on the pod network (apps default to loopback)', (app) => {
    const container = manifests.find((m) => m.kind === 'Deployment' && m.metadata.name === app).spec.template.spec.containers[0];
    const fromEnv = (container.env ?? []).find((variable: { name: string }) => variable.name === 'HOST')?.value;
    const configMaps = (container.envFrom ?? []).map((source: { configMapRef?: { name: string } }) => source.configMapRef?.name);
    const fromConfigMap = manifests.find((m) => m.kind === 'ConfigMap' && configMaps.includes(m.metadata.name) && m.data?.HOST)?.data.HOST;
    expect(fromEnv ?? fromConfigMap).toBe('0.0.0.0');
  });

  it('gives the gateway the database secret (sessions, refusal audit)', () => {
    const gateway = manifests.find((m) => m.kind === 'Deployment' && m.metadata.name === 'gateway');
    expect(gateway.spec.template.spec.containers[0].envFrom).toContainEqual({ secretRef: { name: 'scrt-secrets' } });
    const config = manifests.find((m) => m.kind === 'ConfigMap' && m.metadata.name === 'scrt-config');
    expect(config.data).not.toHaveProperty('DATABASE_URL');
  });

  it('lists every kustomize resource that exists, and no other', () => {
    const kustomization = parse(readFileSync(path.join(root, 'deploy/k8s/kustomization.yaml'), 'utf8'));
    const files = readdirSync(path.join(root, 'deploy/k8s')).filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml');
    expect([...kustomization.resources].sort()).toEqual(files.sort());
  });

  it('declares exactly the topics the code uses', () => {
    const topics = manifests.find((m) => m.kind === 'ConfigMap' && m.metadata.name === 'scrt-topics').data.topics as string;
    const declared = topics.trim().split('\n').map((line) => {
      const [name, ...settings] = line.trim().split(/\s+/);
      const values = Object.fromEntries(settings.map((setting) => setting.split('=') as [string, string]));
      const { partitions, ...config } = values;
      return Object.keys(config).length > 0 ? { name, partitions: Number(partitions), config } : { name, partitions: Number(partitions) };
    });
    expect(declared).toEqual(allTopics());
  });
});

describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true });

  it.each(deployedApps)('runs %s from its built main', (app) => {
    expect(compose.services[app].command).toEqual(['node', mainOf(app)]);
  });

  it.each(deployedApps)('lets %s listen on the container network (apps default to loopback)', (app) => {
    expect(compose.services[app].environment.HOST).toBe('0.0.0.0');
  });

  it('runs migrations and topic creation as release steps before the services', () => {
    expect(compose.services.migrate.command).toEqual(['node', 'scripts/release.mjs', 'migrate']);
    expect(compose.services['kafka-topics'].command).toEqual(['node', 'scripts/release.mjs', 'topics']);
    expect(compose.services['case-intake'].depends_on.migrate.condition).toBe('service_completed_successfully');
    expect(compose.services.gateway.depends_on.migrate.condition).toBe('service_completed_successfully');
  });

  it('gives the gateway the database its schema was migrated in', () => {
    expect(compose.services.gateway.environment.DATABASE_URL).toBe(compose.services.migrate.environment.DATABASE_URL);
  });
});

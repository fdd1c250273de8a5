#!/usr/bin/env node
// Release steps for deployments (docker-compose, Kubernetes jobs): run from the built image.
//   node scripts/release.mjs migrate   apply every service's migrations (DATABASE_URL, the owner), then
//                                      create/grant case-intake's own role (CASE_INTAKE_DATABASE_PASSWORD)
//   node scripts/release.mjs topics    create the missing Kafka topics (KAFKA_BROKERS)
//   node scripts/release.mjs seed      load reference data (DATABASE_URL)
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const step = process.argv[2];
const required = (name) => process.env[name] ?? (console.error(`${name} is not set`), process.exit(2));

if (step === 'migrate') {
  const { migrateDatabase } = await import('../dist/scripts/stack/migrate.js');
  console.log(`migrated: ${(await migrateDatabase(root, required('DATABASE_URL'))).join(', ')}`);
  const { CASE_INTAKE_ROLE, grantCaseIntakeRole } = await import('../dist/scripts/stack/service-roles.js');
  await grantCaseIntakeRole(required('DATABASE_URL'), required('CASE_INTAKE_DATABASE_PASSWORD'));
  console.log(`granted: ${CASE_INTAKE_ROLE} (case-intake connects as it: row-level security applies)`);
} else if (step === 'topics') {
  const { createMissingTopics } = await import('../dist/scripts/stack/topics.js');
  console.log(`created topics: ${(await createMissingTopics(required('KAFKA_BROKERS'))).join(', ') || 'none missing'}`);
} else if (step === 'seed') {
  const { seedReferenceData } = await import('../dist/scripts/stack/seed.js');
  await seedReferenceData(root, required('DATABASE_URL'));
  console.log('reference data seeded');
} else {
  console.error('usage: node scripts/release.mjs migrate|topics|seed');
  process.exit(2);
}

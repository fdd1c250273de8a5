import { servicePrismaConfig } from '../service-prisma-config.js';

export default servicePrismaConfig(import.meta.dirname, 'gateway');

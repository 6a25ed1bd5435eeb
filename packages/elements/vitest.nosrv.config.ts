import base from './vitest.config.js';
import { defineConfig, mergeConfig } from 'vitest/config';
export default defineConfig(async (env) => { const c = await (base as any)(env); c.test.globalSetup = []; return c; });
